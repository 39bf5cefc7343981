using System.Diagnostics.CodeAnalysis;

namespace AdintAudit.Risk.Verdict;

/// <summary>
/// Plain-language explanations of every metric, verdict and mitigation the report shows, keyed by stable ids
/// (<c>unicity.expected</c>, <c>attack.location</c>, <c>mitigation.subsample</c>, …) that report.json and the
/// renderers reference. Written for a journalist or a data-protection officer: what the number means, how it was
/// computed, what changes it, and where the method comes from.
/// </summary>
public static class MetricGlossary
{
    private const string DeMontjoye = "de Montjoye, Hidalgo, Verleysen and Blondel, \"Unique in the Crowd: The privacy bounds of human mobility\", Scientific Reports 3:1376 (2013).";
    private const string GollePartridge = "Golle and Partridge, \"On the Anonymity of Home/Work Location Pairs\", Pervasive 2009.";
    private const string Arx = "The ARX Data Anonymization Tool's prosecutor risk model (Prasser and Kohlmayer); El Emam, \"Guide to the De-Identification of Personal Health Information\" (2013).";
    private const string Pellungrini = "Pellungrini, Pappalardo, Pratesi and Monreale, \"A Data Mining Approach to Assess Privacy Risk in Human Mobility Data\", ACM TIST 9(3) (2017); scikit-mobility privacy.attacks.";
    private const string AttackParameters = "k, the number of records the attacker knows (default 2); tolerance for frequency-type attacks (default 0); --compat skmob reproduces scikit-mobility exactly.";
    private const string AttackComputation = "For each device, every combination of k of its records is tried as the attacker's knowledge; the risk is 1 divided by the number of devices that match it, taking the most revealing combination. The report gives the average and the share of devices at risk 1.";
    private const string SitesSource = "The FTC's sensitive-location categories (orders against X-Mode/Outlogic and InMarket, 2024; complaint against Kochava, 2022) and the \"Databroker Files\" investigation by netzpolitik.org and Bayerischer Rundfunk (2024).";
    private const string SiteParameters = "Sites file (GeoJSON polygons, or points with a radius); pings with an accuracy worse than 100 m are ignored.";
    private const string Wp216 = "Article 29 Working Party, Opinion 05/2014 on Anonymisation Techniques (WP216), section 2.2; thresholds documented in VerdictOptions.";
    private const string QualitySource = "AdintAudit's quality screen; the checks follow known defects of ad-tech location feeds (duplicated bid requests, IP-derived and default coordinates, impossible jumps).";
    private const string Ours = "AdintAudit (documented in ALGORITHMS.md).";

    private static readonly MetricExplanation[] s_all =
    [
        // Singling out.
        new("unicity.expected", "Unicity (expected)",
            "The share of people who can be picked out of the whole dataset by someone who knows a few places and times where they were, for example from a few social-media posts. 0.9 means 9 people in 10 are unique.",
            "For each device, p of its own pings are drawn at random and turned into (map cell, time slot) pairs; the device counts as unique when no other device was seen in all of those cells and slots. The figure is the average over devices and draws.",
            "p, the number of known points (1 to 6, headline 4); map cell size in meters and time slot in minutes (several resolutions are reported).",
            DeMontjoye),
        new("unicity.expected_two_points", "Unicity (expected, 2 points)",
            "The expected unicity when the adversary knows only two points. Four points single out nearly everyone in most location data, so the four-point figure hardly moves when a mitigation is applied; the two-point figure shows which mitigations actually make people harder to pick out.",
            "As for the expected unicity, with p = 2.",
            "p = 2; the same cell size, time slot, device sample and seed as the four-point figure it accompanies.",
            DeMontjoye),
        new("unicity.worst", "Unicity (worst case)",
            "The share of people for whom at least one choice of p of their own points is enough to pick them out. It is what a well-informed attacker (a neighbour, a colleague) can reach, not an average.",
            "As for the expected unicity, but each device counts as unique when its most revealing choice of p points matches only it.",
            "Same as unicity.expected.",
            DeMontjoye),
        new("homework.anonymity_set", "Home/work anonymity set",
            "How many devices share a person's pair (home area, work area). A set of 1 means the pair alone points to one person: whoever knows where someone lives and works can find all of that person's movements.",
            "Homes and work places are inferred from the pings, put into map cells, and devices with the same (home cell, work cell) are counted together. The report shows the distribution and the median.",
            "Map cell size in meters (several are reported); only devices with both a home and a work place count.",
            GollePartridge),
        new("homework.share_unique", "Share unique by home and work",
            "The share of devices with a home and a work place that are the only ones with that pair of areas: each of them can be singled out by anyone who knows the person's home and work.",
            "Devices whose home/work anonymity set is 1, divided by all devices with both a home and a work place.",
            "Map cell size in meters.",
            GollePartridge),
        new("homework.share_below_k", "Share below k",
            "The share of devices hidden among fewer than k devices with the same home and work areas (k = 5 by default). Below k, an outside list of addresses or employers narrows a person down to a handful.",
            "Devices whose home/work anonymity set is smaller than k, divided by all devices with both a home and a work place.",
            "k (default 5); map cell size in meters.",
            GollePartridge + " k-anonymity: Sweeney (2002)."),
        new("arx.highest_risk", "Highest re-identification risk (prosecutor)",
            "The chance of correctly naming the most exposed person, for an attacker who knows that person is in the data and knows their home and work areas. 1.0 means at least one person is certainly identifiable.",
            "1 divided by the size of the smallest group of devices sharing a (home cell, work cell) pair.",
            "Map cell size in meters.",
            Arx),
        new("arx.success_rate", "Attack success rate (prosecutor)",
            "The share of people an attacker would name correctly if they tried to re-identify everyone by home and work areas.",
            "Number of distinct (home cell, work cell) groups divided by the number of devices in them.",
            "Map cell size in meters.",
            Arx),
        new("arx.records_at_risk", "Records at risk (prosecutor)",
            "The share of people whose individual re-identification risk is above the threshold (for example above 1 in 5).",
            "Share of devices in groups whose risk (1 / group size) is strictly above the threshold.",
            "Risk threshold (default 0.2, that is groups of fewer than 5); map cell size in meters.",
            Arx),
        new("topn.ordered", "Top-N places anonymity set (ordered)",
            "How many devices share a person's N most visited places in the same order (most visited first). Knowing someone's top two or three places is often enough to find them.",
            "Each device's places are ranked by time spent; devices with the same top N list, in order, are counted together.",
            "N = 1, 2, 3; places are clustered stays (100 m).",
            "Zang and Bolot, \"Anonymization of Location Data Does Not Work: A Large-Scale Measurement Study\", MobiCom 2011."),
        new("topn.unordered", "Top-N places anonymity set (unordered)",
            "As the ordered version, but the order of the N places does not matter; a little harder to single out, closer to what an outsider knows.",
            "Devices with the same set of top N places are counted together.",
            "N = 1, 2, 3.",
            "Zang and Bolot, MobiCom 2011."),
        new("home.share_inferred", "Devices with an inferred home",
            "The share of devices whose home can be deduced from their pings. A home is an address, and an address is usually a name.",
            "A place counts as home when the device is seen there on the most distinct nights (22:00 to 07:00 local time); devices with too little night evidence get no home rather than a guess.",
            "Night window 22:00 to 07:00; time zone; stay radius 200 m, minimum stay 20 minutes.",
            Ours),

        // Background-knowledge attacks.
        new("attack.knowledge_length", "Attacker knowledge (k)",
            "How many facts about a person the attacker is assumed to know in the background-knowledge attacks, for example k = 2 places the person visited.",
            "Each attack is run for the stated k; a person with fewer records than k contributes all of them.",
            "k (default 2).",
            Pellungrini),
        new("attack.location", "Location attack",
            "Risk for someone who knows k places a person visited (with repeats). The number is the chance of picking the right person among everyone who fits.",
            AttackComputation + " A device fits when it has at least as many visits to each known place.",
            AttackParameters, Pellungrini),
        new("attack.location_sequence", "Location-sequence attack",
            "Risk for someone who knows k places a person visited and in which order.",
            AttackComputation + " A device fits when its places, in time order, contain the known places in the same order.",
            AttackParameters, Pellungrini),
        new("attack.location_time", "Location-time attack",
            "Risk for someone who knows k places a person visited and roughly when (within the same hour).",
            AttackComputation + " A device fits when it has each known (place, hour) at least as often.",
            AttackParameters + " Time bucket (default 1 hour).", Pellungrini),
        new("attack.unique_location", "Unique-location attack",
            "Risk for someone who knows k different places a person has been to, without knowing how often.",
            AttackComputation + " A device fits when it visited every known place at least once.",
            AttackParameters, Pellungrini),
        new("attack.frequency", "Frequency attack",
            "Risk for someone who knows k places a person visits and how many times they went to each.",
            AttackComputation + " A device fits when it visited each known place about as many times (within the tolerance).",
            AttackParameters, Pellungrini),
        new("attack.probability", "Probability attack",
            "Risk for someone who knows k places a person visits and what share of their visits goes to each.",
            AttackComputation + " A device fits when its share of visits to each known place agrees within the tolerance.",
            AttackParameters, Pellungrini),
        new("attack.proportion", "Proportion attack",
            "Risk for someone who knows how a person's visits to k places compare with each other (for example twice as often at the gym as at the bar).",
            AttackComputation + " Visit counts are divided by the largest among the known places; a device fits when these ratios agree within the tolerance.",
            AttackParameters, Pellungrini),
        new("attack.home_work", "Home-work attack",
            "Risk for someone who knows where a person lives and works.",
            "The attacker knows the device's inferred home and work places; the risk is 1 divided by the number of devices whose home/work pair holds both.",
            "--compat skmob reproduces scikit-mobility, which uses each device's two least visited places instead.",
            Pellungrini),

        // Sensitive sites.
        new("site.devices", "Devices at a sensitive site",
            "How many devices were seen at a sensitive place (a clinic, a place of worship, a shelter, a military base…). Each is a person whose visit is for sale.",
            "A device is at a site when one of its accurate pings lies inside the site's outline, or within the radius of a point site.",
            SiteParameters, SitesSource),
        new("site.pings", "Pings at a sensitive site",
            "How many location records place someone at the site.",
            "Count of accurate pings inside the site.",
            SiteParameters, SitesSource),
        new("site.days", "Days with visits",
            "On how many different days someone was seen at the site: regular visits reveal a routine (treatment, worship, work).",
            "Count of distinct calendar days (local time) with at least one ping at the site.",
            SiteParameters, SitesSource),
        new("site.dwell", "Dwell at a sensitive site",
            "How long devices stayed at the site, which separates passers-by from visitors.",
            "Sum of the durations of stays whose centre lies in the site.",
            SiteParameters + " Stay radius 200 m, minimum 20 minutes.", SitesSource),
        new("site.followed_home", "Followed home",
            "How many of the devices seen at the site also have an inferred home: for them the data links a sensitive visit to an address, which is what the Databroker Files reporters did to name people.",
            "Devices at the site that have an inferred home, with the distance from the site to that home.",
            SiteParameters, SitesSource),
        new("site.home_distance", "Distance from site to home",
            "How far from the site the followed-home devices live; close homes make the link to one person even easier.",
            "Haversine distance in meters from the site to each followed-home device's inferred home; the report shows the median.",
            SiteParameters, SitesSource),
        new("site.staff", "Staff at a sensitive site",
            "Devices whose inferred work place is the site: likely employees (soldiers, clinic staff, clergy), exposed in their work as well as their private life.",
            "Devices whose inferred work place lies in the site.",
            SiteParameters + " Work place: most weekday 09:00 to 17:00 time on at least 3 days.", SitesSource),
        new("site.unique_by_home_work", "Site visitors unique by home and work",
            "How many of the devices seen at the site are the only ones with their home and work areas: these visitors can be named by anyone who knows where they live and work.",
            "Devices at the site whose home/work anonymity set is 1.",
            SiteParameters + " Map cell size in meters.", SitesSource + " " + GollePartridge),

        // Linkage.
        new("linkage.colocation", "Linked by co-location",
            "The share of devices that repeatedly stayed at the same spot at the same time as another device: often the same household, a couple, or one person's second phone. Linking them joins two profiles into one.",
            "Two devices are linked when they have stays that overlap in time with centres closer than the distance threshold.",
            "Distance 15 m by default (5 m strict).",
            "Crandall et al., \"Inferring social ties from geographic coincidences\", PNAS 107(52) (2010); " + Ours),
        new("linkage.shared_home", "Sharing a home",
            "The share of devices whose inferred home is also another device's home: a household, or one person with several devices or reset advertising IDs.",
            "Devices with an inferred home within the distance threshold of another device's inferred home.",
            "Distance threshold; home inference settings.",
            Ours),

        // Verdict.
        new("verdict.singling_out", "Singling out (WP216)",
            "Can one person's records be isolated from everyone else's? This is the first test the EU data-protection authorities apply to 'anonymised' data.",
            "The highest level among the unicity and home/work uniqueness figures, each compared with its Medium and High thresholds.",
            "Thresholds in VerdictOptions (expected unicity: Medium 5 %, High 50 %).",
            Wp216),
        new("verdict.linkability", "Linkability (WP216)",
            "Can records about the same person be connected, inside this dataset or with another one (an address list, a second dataset)?",
            "The highest level among home/work sets below k, co-location linkage and shared homes.",
            "Thresholds in VerdictOptions (linked devices: Medium 1 %, High 10 %).",
            Wp216),
        new("verdict.inference", "Inference (WP216)",
            "Can something about a person be deduced with high probability, such as where they live or which clinic they visit?",
            "The highest level among the share of devices with an inferred home and the share of sensitive-site visitors followed home.",
            "Thresholds in VerdictOptions (followed home: Medium 1 %, High 10 %).",
            Wp216),
        new("verdict.overall", "Overall verdict",
            "The worst of the three WP216 tests. WP216 says a dataset is anonymous only if all three risks are dealt with, so one High is enough.",
            "The highest level among singling out, linkability and inference.",
            "Thresholds in VerdictOptions.",
            Wp216),

        // Mitigations.
        new("mitigation.round_coordinates", "Rounding coordinates",
            "What happens to the risk if coordinates are published with fewer decimals: 3 decimals is about 110 m, 2 about 1.1 km.",
            "Latitude and longitude of every ping are rounded; no ping is removed. The metrics are then recomputed.",
            "Decimals (defaults 3 and 2).",
            DeMontjoye + " " + Wp216 + " (generalisation)"),
        new("mitigation.snap_to_grid", "Snapping to a grid",
            "What happens if every ping is moved to the centre of a square map cell, so only the cell is known.",
            "Each ping is replaced by the centre of its grid cell of the given size; no ping is removed.",
            "Cell size in meters.",
            DeMontjoye + " " + Wp216 + " (generalisation)"),
        new("mitigation.coarsen_time", "Coarsening time",
            "What happens if times are published only to the hour or the day.",
            "Every timestamp is rounded down to the start of its hour or day (UTC); a device's pings that become identical (same time and place) count once.",
            "Time slot in minutes (defaults 60 and 1,440).",
            DeMontjoye + " " + Wp216 + " (generalisation)"),
        new("mitigation.drop_near_home", "Removing pings near home",
            "What happens if every ping near a person's inferred home is deleted, as fitness apps do with 'privacy zones'.",
            "Pings within the radius of the device's inferred home are removed; devices without a home keep all pings.",
            "Radius in meters (default 200).",
            Ours),
        new("mitigation.subsample", "Sub-sampling",
            "What happens if only a fraction of the pings is kept, as in a sparser feed. Fewer points per person usually means less uniqueness, but rarely enough.",
            "Each ping is kept or dropped by a seeded random draw on its device and time, so the result is the same on every run.",
            "Share kept (default 10 %); seed (default 1).",
            Ours + " " + Wp216 + " (randomisation)"),
        new("mitigation.remove_site_pings", "Removing sensitive-site pings",
            "What happens if every ping at a sensitive site is deleted before the data is sold, as the FTC orders require.",
            "Pings flagged as at a sensitive site are removed; the other pings stay.",
            "The sites file and the site accuracy filter.",
            SitesSource),
        new("whatif.relative_change", "Change after mitigation",
            "How much a mitigation reduced (or raised) a risk figure: -40 % means the figure fell by four tenths of its value.",
            "(after - before) / before; not shown when the figure was 0 before.",
            "The mitigation and the metric.",
            Ours),

        // Quality checks.
        new("quality.duplicate", "Exact duplicates",
            "Pings repeated with the same device, time and position, often the same ad request sold twice. They inflate counts but add no information.",
            "Rows equal to an earlier row in device, time, latitude and longitude; removed.",
            "None.", QualitySource),
        new("quality.null_island", "Null Island",
            "Pings at latitude 0, longitude 0 in the Atlantic: a placeholder for 'no location', not a real place.",
            "Rows with both coordinates exactly 0; removed.",
            "None.", QualitySource),
        new("quality.out_of_range", "Impossible coordinates",
            "Positions that cannot exist on Earth (latitude beyond 90 or longitude beyond 180 degrees): corrupt records.",
            "Rows with |latitude| > 90 or |longitude| > 180; removed.",
            "None.", QualitySource),
        new("quality.outside_window", "Timestamps outside the dataset period",
            "Records dated outside the period the dataset covers, usually a broken clock or wrong unit.",
            "Rows outside the stated window (or one inferred from the bulk of the data); removed.",
            "Window start and end.", QualitySource),
        new("quality.teleport", "Teleports",
            "Jumps between consecutive pings faster than any plane: one of the two positions is wrong.",
            "Consecutive pings of a device implying more than the speed limit; the offending ping is removed.",
            "Speed limit (default 500 km/h).", QualitySource),
        new("quality.shared_coordinate", "Shared default coordinates",
            "One exact position reported by many unrelated devices, such as a country's or city's centre used when the true location is unknown (the 'Kansas farm' problem). Such points say nothing about the people.",
            "Coordinates seen for at least the minimum number of devices; flagged, not removed.",
            "Minimum devices (default 10).", QualitySource),
        new("quality.ip_like_precision", "IP-derived positions",
            "Positions with only 2 decimals or fewer, typical of locations guessed from an internet address (often a city centre). Flagged and kept out of home and stay inference.",
            "Rows whose coordinates have at most the given number of decimals; flagged, not removed.",
            "Decimals (default 2).", QualitySource),
        new("quality.coarse_coordinates", "Coarse coordinates",
            "Positions with 3 decimals or fewer (about 110 m or worse): usable for neighbourhoods, not for buildings.",
            "Rows whose coordinates have at most the given number of decimals; flagged, not removed.",
            "Decimals (default 3).", QualitySource),
        new("quality.accuracy_above_threshold", "Inaccurate pings",
            "Pings whose reported accuracy radius is larger than the threshold, typically from cell towers: the person could be anywhere in a wide circle.",
            "Rows whose horizontal accuracy is above the threshold; flagged, not removed.",
            "Accuracy threshold (default 500 m).", QualitySource),
    ];

    private static readonly Dictionary<string, MetricExplanation> s_byId = s_all.ToDictionary(e => e.Id, StringComparer.Ordinal);

    /// <summary>Every explanation, in the report's order (singling out, attacks, sites, linkage, verdict, mitigations, quality).</summary>
    public static IReadOnlyList<MetricExplanation> All => s_all;

    /// <summary>Returns the explanation with the given id.</summary>
    /// <param name="id">A stable id such as <c>unicity.expected</c>.</param>
    /// <exception cref="KeyNotFoundException">No metric has this id.</exception>
    public static MetricExplanation Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_byId.TryGetValue(id, out MetricExplanation? explanation)
            ? explanation
            : throw new KeyNotFoundException($"no metric glossary entry has the id '{id}'");
    }

    /// <summary>Looks up the explanation with the given id.</summary>
    /// <param name="id">A stable id.</param>
    /// <param name="explanation">The explanation, or null when there is none.</param>
    /// <returns>Whether an entry exists.</returns>
    public static bool TryGet(string id, [NotNullWhen(true)] out MetricExplanation? explanation)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_byId.TryGetValue(id, out explanation);
    }
}
