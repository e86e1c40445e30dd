// npm run eval:enrich : measures every enrichment step against ../shared (see bench/eval-enrich/*.ts, one per step)
// and prints each one's figures. Each module exports `evaluate(): Promise<string[]>` (the lines it prints).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./eval-enrich/', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(new URL(`./eval-enrich/${file}`, import.meta.url).href)) as { evaluate?: () => Promise<string[]> };
  if (!mod.evaluate) continue;
  console.log(`\n== ${name}`);
  const started = performance.now();
  for (const line of await mod.evaluate()) console.log(line);
  console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
