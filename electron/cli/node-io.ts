/**
 * The real process behind CliIO: process.stdout/stderr, the environment, a no-echo passphrase
 * prompt on the terminal (raw mode), and an AbortSignal fired by Ctrl-C / SIGTERM / SIGHUP.
 */
import { CliError, EXIT, type CliIO } from './io.js';

/** Bracketed-paste markers some terminals wrap pasted text in. */
// eslint-disable-next-line no-control-regex
const PASTE_MARKERS = /\u001b\[20[01]~/g;

/**
 * Read a line from the terminal without echoing it. Handles backspace, Ctrl-U (clear), Ctrl-C and
 * Ctrl-D (cancel), and pasted text. The prompt goes to stderr so stdout stays clean for output.
 */
export function readSecretFromTerminal(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    return Promise.reject(new CliError('cannot ask for a passphrase: input is not a terminal', EXIT.VAULT));
  // Echo off BEFORE the prompt appears, so nothing typed in answer to it is ever shown.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise<string>((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: CliError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(chars.join(''));
    };
    const onData = (chunk: Buffer | string) => {
      const text = (typeof chunk === 'string' ? chunk : chunk.toString('utf8')).replace(PASTE_MARKERS, '');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliError('cancelled; nothing was changed', EXIT.INTERRUPTED));
        if (ch === '\u0004') {
          if (chars.length === 0) return finish(new CliError('no passphrase given; nothing was changed', EXIT.VAULT));
          continue;
        }
        if (ch === '\u007f' || ch === '\b') {
          chars.pop();
          continue;
        }
        if (ch === '\u0015') {
          chars = [];
          continue;
        }
        if (ch < ' ') continue; // other control keys (arrows send ESC sequences) are ignored
        chars.push(ch);
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** CliIO over this process. Call dispose() when the command has finished. */
export function createNodeIO(): CliIO & { dispose(): void } {
  const controller = new AbortController();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) {
      // A second Ctrl-C while cleaning up: stop now. The core's writes are all-or-nothing.
      process.exit(EXIT.INTERRUPTED);
    }
    controller.abort(new CliError(`interrupted (${sig}); nothing was kept`, EXIT.INTERRUPTED));
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    readSecret: readSecretFromTerminal,
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, onSignal);
    },
  };
}
