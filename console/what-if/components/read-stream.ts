// Reads the what-if endpoint's NDJSON answer line by line (client side).
import type { WhatIfStreamLine } from "@/lib/replay/stream-line";

export async function readWhatIfStream(response: Response, onLine: (line: WhatIfStreamLine) => void): Promise<void> {
  if (!response.body) throw new Error("The server sent no answer.");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim() !== "") onLine(JSON.parse(line) as WhatIfStreamLine);
  }
  if (buffered.trim() !== "") onLine(JSON.parse(buffered) as WhatIfStreamLine);
}
