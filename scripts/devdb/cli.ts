import { DevDatabaseToolchainError, startDatabase, type StartDatabaseOptions } from './index';

function parseArguments(argv: string[]): StartDatabaseOptions {
  const options: StartDatabaseOptions = { backend: 'memory', ignoreEnvironment: true };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--memory') options.backend = 'memory';
    else if (flag === '--file') {
      options.backend = 'file';
      options.file = argv[++i];
    } else if (flag === '--port') options.port = Number(argv[++i]);
    else {
      process.stderr.write(`unknown argument ${flag}\nusage: npm run --silent db -- (--memory | --file PATH) [--port N]\n`);
      process.exit(2);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const database = await startDatabase(parseArguments(process.argv.slice(2)));
  process.stdout.write(`${database.uri}\n`);
  const shutdown = (): void => {
    void database.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof DevDatabaseToolchainError ? error.message : String(error)}\n`);
  process.exit(1);
});
