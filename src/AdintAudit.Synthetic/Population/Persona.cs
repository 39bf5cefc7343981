namespace AdintAudit.Synthetic.Population;

/// <summary>The personas of spec §1.3, each with its own weekly schedule.</summary>
internal enum Persona : byte
{
    Worker9To5,
    ShiftWorker,
    Student,
    HomeBased,
    Retiree,
}

/// <summary>Names of <see cref="Persona"/> values as written to the truth tables.</summary>
internal static class PersonaNames
{
    public static string Of(Persona persona) => persona switch
    {
        Persona.Worker9To5 => "worker_9to5",
        Persona.ShiftWorker => "shift_worker",
        Persona.Student => "student",
        Persona.HomeBased => "home_based",
        _ => "retiree",
    };
}
