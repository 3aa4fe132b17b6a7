// Loads @prisma/schema-engine-wasm: the same Rust schema engine as Prisma's native binary,
// compiled to WebAssembly, reaching the database through a JavaScript driver adapter.
import { readFile } from "node:fs/promises";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

let instantiated;

/**
 * The package's entry imports the `.wasm` file as an ES module, which Node 20 cannot do without
 * --experimental-wasm-modules. Instantiate it by hand with the package's own glue as imports.
 */
async function instantiate() {
  const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

/** The message of the last Rust panic; the wasm only throws `RuntimeError: unreachable`. */
export let lastPanicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = message;
  },
};

export async function engineVersion() {
  await (instantiated ??= instantiate());
  return glue.version();
}

/**
 * @param {[string, string][] | undefined} datamodels [path, content] of each schema file
 * @param {(line: string) => void} log receives the engine's tracing output, one JSON object per call
 * @param adapterFactory from `bindMigrationAwareSqlAdapterFactory`
 */
export async function createSchemaEngine(datamodels, log, adapterFactory) {
  await (instantiated ??= instantiate());
  return glue.SchemaEngine.new({ datamodels }, log, adapterFactory);
}
