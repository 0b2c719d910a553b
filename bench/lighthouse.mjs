// Lighthouse (mobile, its default) for each URL, `runs` times, in one
// Chromium started once. Prints one JSON object: {url: [run, ...]}, each run
// {performance, accessibility, best-practices, seo, failing: [audit ids]}.
//
//   CHROME_PATH=/usr/bin/chromium node lighthouse.mjs RUNS FLAGS_JSON URL...
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [runs, flagsJson, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: JSON.parse(flagsJson),
});

function summary(lhr) {
  const scores = Object.fromEntries(
    Object.entries(lhr.categories).map(([id, category]) => [id, Math.round(category.score * 100)]));
  const counted = new Set(Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
  const failing = Object.values(lhr.audits)
    .filter((audit) => counted.has(audit.id) && audit.score !== null && audit.score < 1)
    .map((audit) => audit.id);
  return { ...scores, failing };
}

const results = {};
try {
  for (let run = 0; run < Number(runs); run++) {
    for (const url of urls) {  // every URL once per round: A B A B
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      (results[url] ??= []).push(summary(result.lhr));
    }
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
