// Errors in the shapes the Prisma CLI reads from its native schema engine.
import { databaseName } from "./postgres.mjs";
import { lastPanicMessage } from "./wasm-engine.mjs";

export const NO_URL = "No database URL: set DATABASE_URL (prisma.config.ts reads it).";

/** The native engine's code for "a user-facing error; see `data`" in JSON-RPC responses. */
const ENGINE_ERROR = 4466;

/**
 * JSON-RPC `error` for a failed request. The CLI prints `data.message`, prefixed by
 * `data.error_code` when there is one, and reports `is_panic` errors as engine crashes.
 * @param errorRegistry the adapter factory's: errors thrown by the bridge's own JavaScript reach
 *   the engine only as "External error id#N", the original being kept there.
 */
export function rpcError(error, errorRegistry) {
  const isPanic = error instanceof WebAssembly.RuntimeError;
  let message = isPanic ? (lastPanicMessage ?? String(error)) : (error?.message ?? String(error));
  message = message.replace(/External error id#(\d+)/, (text, id) => errorRegistry?.consumeError(Number(id))?.error?.message ?? text);
  const errorCode = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  return {
    code: ENGINE_ERROR,
    message: isPanic ? message : "An error happened. Check the data field for details.",
    data: { is_panic: isPanic, message, error_code: errorCode, meta: error?.meta },
  };
}

/**
 * Prisma's error for a pg error met by the `cli` subcommands. The CLI needs the codes: it
 * creates the database on P1003 ("does not exist") and stops with the message otherwise.
 */
export function connectionError(error, url) {
  const { hostname, port, username } = new URL(url);
  const server = `${hostname}:${port || 5432}`;
  const database = databaseName(url);
  switch (error.code) {
    case "3D000":
      return { code: "P1003", message: `Database \`${database}\` does not exist on the database server at \`${server}\`.` };
    case "42P04":
      return { code: "P1009", message: `Database \`${database}\` already exists on the database server at \`${server}\`.` };
    case "28P01":
    case "28000":
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${username || "postgres"}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${server}\`.`,
      };
  }
  // Socket errors (refused, unknown host, timeout) and pg's own connect timeout.
  if ((typeof error.code === "string" && error.code.startsWith("E")) || /timeout/i.test(error.message)) {
    return {
      code: "P1001",
      message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
    };
  }
  return { code: "", message: error.message };
}
