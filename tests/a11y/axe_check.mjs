// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on each URL given, in Debian's headless
// Chromium, and prints one JSON object: {url: [violations...]}. Exit status 0 unless it fails to run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const urls = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  // bypassCSP lets the test inject axe; the pages themselves keep their strict policy.
  const context = await browser.newContext({ bypassCSP: true });
  // A signed-in session for back-office pages: AXE_COOKIE="name=value" (host from the first URL).
  if (process.env.AXE_COOKIE && urls.length) {
    const [name, value] = process.env.AXE_COOKIE.split("=");
    await context.addCookies([{ name, value, url: new URL(urls[0]).origin }]);
  }
  const page = await context.newPage();
  for (const url of urls) {
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response || response.status() !== 200) {
      results[url] = [{ id: "http-status", help: `HTTP ${response && response.status()}`, nodes: [] }];
      continue;
    }
    await page.evaluate(axeSource);
    const out = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      }),
    );
    results[url] = out.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
