import "server-only";
import { listModelNameMappings } from "./list-model-name-mappings";
import { loadModelCatalogue } from "./load-model-catalogue";

/** The Models & tiers page: the catalogue by tier, the choices its model forms offer, and the model-name mappings with their targets. */
export async function loadModelsPage() {
  const [catalogue, mappings] = await Promise.all([loadModelCatalogue(), listModelNameMappings()]);
  const tiers = catalogue.tiers.map((tier) => ({ key: tier.key, name: tier.name }));
  return {
    tiers: catalogue.tiers,
    /** A model form's choices: providers, licences, hardware profiles and the tiers by name. */
    options: { ...catalogue, tiers },
    mappings,
    mappingTargets: { tiers, models: catalogue.tiers.flatMap((tier) => tier.models.map((model) => model.alias)) },
  };
}
