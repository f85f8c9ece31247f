import { createResourceTypeList } from '../model/spec/resourceTypes.ts';
import type { ResourceTypeList } from '../model/spec/resourceTypes.ts';

let loading: Promise<ResourceTypeList> | null = null;

/**
 * The resource types for the picker: a lazy chunk (about 60 KB gzip) made at build time from
 * the resource specification (generated/resource-types.json), loaded on first use, then kept.
 */
export function loadResourceTypes(): Promise<ResourceTypeList> {
  loading ??= import(/* webpackChunkName: "resource-types" */ '../../generated/resource-types.json')
    .then((m: { default: unknown }) => createResourceTypeList(m.default))
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}
