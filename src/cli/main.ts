import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  writeOut: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
});
