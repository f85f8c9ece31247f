// The production build without minifying, for CPU profiles with function names (profile.ts):
//   npx webpack --config bench/browser/webpack.nomin.mjs --mode production --output-path /tmp/cairn-nomin
// Unminified, the initial JS is over its gzip budget, so the budget plugin and the performance
// hints are left out here; nothing else differs from webpack.config.js.
import base from '../../webpack.config.js';

export default (env, argv) => {
  const c = base(env, argv);
  c.optimization = { ...c.optimization, minimize: false };
  c.plugins = c.plugins.filter((p) => p.constructor.name !== 'GzipBudgetPlugin');
  c.performance = false;
  return c;
};
