import { chromium } from "@playwright/test";
const base = "http://localhost:3005";
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/login`);
await page.getByLabel("E-post").fill(email!);
await page.getByLabel("Lösenord").fill("trygghet2025");
await page.getByRole("button", { name: /logga in/i }).click();
await page.waitForURL(/plans/);
let i = 0;
for (const p of paths) {
  await page.goto(`${base}${p}`);
  await page.waitForLoadState("networkidle");
  const file = `/tmp/shots/${i++}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file, page.url(), await page.title());
}
await browser.close();
