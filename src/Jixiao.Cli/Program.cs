return Jixiao.Cli.CliApp.Run(args, Console.Out, Console.Error);
