using System;
using ContractKit.Samples.Threads;

// OPENAI_API_KEY=sk-... dotnet run --project samples/Threads [-- --Threads:ThreadId=thread_... --Threads:BaseAddress=...]
return await ThreadsSample.RunAsync(args, Console.Out);
