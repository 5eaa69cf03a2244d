Console.Error.WriteLine("用法: jixiao <命令> [参数]");
return 2;
