import { createSelector } from '@reduxjs/toolkit';
import { variableResolver } from '../../model/formats/serverless/variables.ts';
import type { VariableResolver } from '../../model/formats/serverless/variables.ts';
import { isObject } from '../../model/value.ts';
import type { CfnValue } from '../../model/value.ts';
import type { RootState } from '../store.ts';
import { selectDrawnTemplate } from './selectors.ts';

const selectStage = (s: RootState) => s.stage;

/**
 * The resolver of the open serverless.yml for the chosen stage (null for any other format). Like
 * the canvas, it reads the last text that parsed: the picker stays while the YAML is mid-edit.
 * It memoises per string: the inspector asks it field by field.
 */
export const selectResolver = createSelector([selectDrawnTemplate], (t): VariableResolver | null =>
  t.format === 'serverless' && t.parsed.value ? variableResolver(t.parsed.value, t.variables) : null,
);

export interface StageChoices {
  /** The stage and region variables are resolved for now. */
  readonly stage: string;
  readonly region: string;
  /** What they are when the user chooses none: the file's `provider.stage` / `provider.region` resolved, else `dev` / `us-east-1`. */
  readonly defaultStage: string;
  readonly defaultRegion: string;
  /** Stages to offer: the default, the stages of the file's `params:` and the one chosen, each once. */
  readonly stages: readonly string[];
}

/** What the stage picker shows, for a serverless.yml (null otherwise). */
export const selectStageChoices = createSelector([selectDrawnTemplate, selectResolver, selectStage], (t, resolver, chosen): StageChoices | null => {
  const value = t.parsed.value;
  if (!resolver || !value) return null;
  const defaults = chosen.stage === null && chosen.region === null ? resolver : variableResolver(value, { env: chosen.env });
  const params = value['params'];
  const fromParams = isObject(params) ? Object.keys(params).filter((k) => k !== 'default') : [];
  const stages = [...new Set([defaults.stage, ...fromParams, resolver.stage])];
  return { stage: resolver.stage, region: resolver.region, defaultStage: defaults.stage, defaultRegion: defaults.region, stages };
});

const ENV_VARIABLE = /\$\{env:([A-Za-z_][A-Za-z0-9_.-]*)/g;

/** The NAMEs of `${env:NAME}` written anywhere in a value, in the order first written. */
export function envNamesIn(value: CfnValue | undefined): string[] {
  const names = new Set<string>();
  const walk = (v: CfnValue | undefined): void => {
    if (typeof v === 'string') {
      if (v.includes('${env:')) for (const m of v.matchAll(ENV_VARIABLE)) names.add(m[1]!);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  return [...names];
}

/** The parsed serverless.yml (null for other formats): the same object whatever the stage. */
const selectServerlessValue = createSelector([selectDrawnTemplate], (t) => (t.format === 'serverless' ? t.parsed.value : null));

const NONE: readonly string[] = [];

/** The env names a serverless.yml uses (what the env values editor offers); worked out once per text, not per stage. */
export const selectEnvNamesUsed = createSelector([selectServerlessValue], (v): readonly string[] => (v ? envNamesIn(v) : NONE));
