/**
 * The streams a CLI command talks to: the process's own, or a test's. In its own module so that every command
 * can take one without importing another command's module.
 */
export interface RunContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}
