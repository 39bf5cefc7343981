using AdintAudit.Cli;

return await AdintCommand.RunAsync(args);
