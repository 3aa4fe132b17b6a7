import type { ChatMessage } from "@/lib/providers/types";

/** The playground's two boxes as chat messages: an empty system box sends no system message. */
export function playgroundMessages({ system, user }: { system: string; user: string }): ChatMessage[] {
  return [...(system.trim() === "" ? [] : [{ role: "system" as const, content: system }]), { role: "user" as const, content: user }];
}
