import "server-only";
import { authenticateAppKey } from "../auth/authenticate";
import { gatewayRuntime } from "../instance/runtime";

/** GET /api/v1/models — what `model` may be: auto, a tier pin, or an enabled model alias. */
export async function handleListModels(request: Request): Promise<Response> {
  await authenticateAppKey(request);
  const policy = await gatewayRuntime().policy.current();
  const { snapshot } = policy;
  const created = 0;
  const entry = (id: string, ownedBy: string, extra: Record<string, unknown>) => ({ id, object: "model" as const, created, owned_by: ownedBy, ...extra });
  const tiers = [...snapshot.tiers].sort((a, b) => a.rank - b.rank);
  const data = [
    entry("auto", "switchyard", { description: "The router chooses the cheapest tier that is allowed and adequate." }),
    ...tiers.map((tier) => entry(`tier:${tier.key}`, "switchyard", { description: `Any model of the ${tier.name} tier (the data class still applies).` })),
    ...snapshot.models
      .filter((model) => model.enabled)
      .map((model) => {
        const provider = policy.providers.get(model.providerKey);
        const kind = model.kind ?? "chat";
        return entry(model.alias, provider?.name ?? model.providerKey, {
          tier: model.tierKey,
          // Embedding models answer /v1/embeddings only; chat models every other endpoint.
          kind,
          ...(kind === "embedding" ? { dimensions: model.embeddingDimensions ?? null } : {}),
          context_window: model.contextWindow,
          simulated: provider?.kind === "simulator",
        });
      }),
  ];
  return Response.json({ object: "list", data });
}
