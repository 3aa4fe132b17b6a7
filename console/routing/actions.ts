"use server";
// Routing mutations: rules (create, edit, enable, move, delete) and the difficulty map. Each
// checks the role on the server, validates with the form's schema, refuses a stale form and
// records the change. Publishing is separate.
import { configAction } from "@/lib/forms/config-action";
import { moveRoutingRule } from "@/console/routing/server/move-routing-rule";
import { difficultyMapSchema, moveRuleSchema, routingRuleInputSchema, ruleEnabledSchema, ruleRefSchema } from "@/console/routing/schema";
import { saveDifficultyMap } from "@/console/routing/server/save-difficulty-map";
import { createRoutingRule, deleteRoutingRule, setRoutingRuleEnabled, updateRoutingRule } from "@/console/routing/server/save-routing-rule";

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const createRuleAction = configAction(routingRuleInputSchema, (input, user) => createRoutingRule(input, actor(user)));
export const updateRuleAction = configAction(routingRuleInputSchema, (input, user) => updateRoutingRule(input, actor(user)));
export const setRuleEnabledAction = configAction(ruleEnabledSchema, (input, user) => setRoutingRuleEnabled(input, actor(user)));
export const moveRuleAction = configAction(moveRuleSchema, (input, user) => moveRoutingRule(input, actor(user)));
export const deleteRuleAction = configAction(ruleRefSchema, (input, user) => deleteRoutingRule(input, actor(user)));
export const saveDifficultyMapAction = configAction(difficultyMapSchema, (input, user) => saveDifficultyMap(input, actor(user)));
