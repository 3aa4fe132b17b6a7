// Entity names in the change log for the areas this file's neighbours edit. They are shown as
// written ("classification rule project-nightjar"), and StaleEditError reads "This <entity> was
// changed by …", so they are words, not identifiers.
export const ENTITY = {
  dataClass: "data class",
  classificationRule: "classification rule",
  licence: "licence",
  feature: "feature",
  apiKey: "api key",
  user: "user",
  modelNameMapping: "model-name mapping",
} as const;

/** The difficulty map is one thing in the change log (saved from Routing or a configuration document): its key says what it covers. */
export const DIFFICULTY_MAP_ENTITY = "difficulty map";
export const DIFFICULTY_MAP_KEY = "all difficulties";

/**
 * Changes that act at once instead of waiting for Publish: app keys and users are not part of
 * the policy snapshot (the gateway looks keys up itself; sessions read users per request).
 */
export const IMMEDIATE_ENTITIES: readonly string[] = [ENTITY.apiKey, ENTITY.user];
