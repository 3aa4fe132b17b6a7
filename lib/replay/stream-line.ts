// One line of the what-if endpoint's NDJSON answer (pure data, shared with the page).
import type { WhatIfResultData } from "./result";

export type WhatIfStreamLine =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; result: WhatIfResultData }
  | { type: "error"; message: string };
