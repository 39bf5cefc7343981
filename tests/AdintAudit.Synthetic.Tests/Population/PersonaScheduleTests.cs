using AdintAudit.Synthetic.Emission;
using AdintAudit.Synthetic.Population;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Synthetic.Tests.Population;

public sealed class PersonaScheduleTests
{
    private static readonly SyntheticModel s_model = new(GeneratorOptions.Mixed with { Devices = 1_000, Days = 28 });

    [Fact]
    public void Build_any_person_and_day_covers_the_day_with_ordered_stays() =>
        Prop.ForAll(Gen.Choose(0, s_model.Devices.Persons - 1).ToArbitrary(), Gen.Choose(0, 27).ToArbitrary(), (personIndex, day) =>
        {
            var schedule = new PersonaSchedule(s_model.Options, s_model.Pois);
            var plan = new DayPlan();
            Person person = s_model.Persons.Create(personIndex);

            schedule.Build(person, day, s_model.Weekdays[day], plan);

            ReadOnlySpan<Stay> stays = plan.Stays;
            if (stays.Length == 0 || stays[0].StartMs != 0 || stays[^1].EndMs != 86_400_000)
            {
                return false;
            }

            for (int i = 0; i < stays.Length; i++)
            {
                if (stays[i].EndMs < stays[i].StartMs || (i > 0 && stays[i].StartMs < stays[i - 1].EndMs))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Build_same_person_and_day_gives_same_plan()
    {
        Person person = s_model.Persons.Create(17);
        var first = new DayPlan();
        var second = new DayPlan();

        new PersonaSchedule(s_model.Options, s_model.Pois).Build(person, 3, s_model.Weekdays[3], first);
        new PersonaSchedule(s_model.Options, s_model.Pois).Build(person, 3, s_model.Weekdays[3], second);

        Assert.Equal(first.Stays.ToArray(), second.Stays.ToArray());
    }
}
