// Only the benchmark's jsreport baseline pulls in `puppeteer` (a devDependency); it prints with the Chromium
// of @sparticuz/chromium like monev does, so nothing is downloaded at install.
module.exports = { skipDownload: true };
