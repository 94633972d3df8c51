#!/usr/bin/env node
import { NotConvergedError } from '@halflife/nuclear';
import { clockFrom } from '@halflife/server';
import { CommanderError } from 'commander';
import { CliError } from './cli-error.js';
import { program } from './program.js';

/** Entry point: every failure is one line on standard error and a non-zero exit, never a stack trace. */
// A reader that stops early (`halflife dataset export | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`halflife: cannot write output: ${e.code ?? e.message}\n`);
  process.exit(74);
});

try {
  await program(
    (line) => process.stdout.write(line + '\n'),
    (line) => process.stderr.write(line + '\n'),
    clockFrom(process.env['HALFLIFE_NOW']),
  ).parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Usage errors exit 2; --help and --version exit 0.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof CliError || e instanceof NotConvergedError) {
    process.stderr.write(`halflife: ${e.message}\n`);
    process.exitCode = e instanceof CliError ? e.exitCode : 1;
  } else {
    process.stderr.write(
      `halflife: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = 70;
  }
}
