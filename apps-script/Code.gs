/**
 * monev — memberi tahu monev bahwa spreadsheet satker ini berubah.
 *
 * Setiap kali spreadsheet ini diubah, skrip mengirim POST bertanda tangan ke fungsi sheetChanged:
 *   body   {"spreadsheetId": "<ID spreadsheet ini>"}
 *   header X-Monev-Signature: t=<detik unix>,v1=<hex HMAC-SHA256(rahasia, "<t>.<body>")>
 * monev lalu menilai ulang satker ini sesaat kemudian dan menulis tab Hasil Validasi.
 *
 * Pemasangan (sekali per spreadsheet satker):
 *   1. Ekstensi → Apps Script; tempel berkas ini sebagai Code.gs dan appsscript.json (Setelan proyek →
 *      "Tampilkan file manifes appsscript.json").
 *   2. Setelan proyek → Properti skrip: MONEV_URL = alamat fungsi sheetChanged,
 *      MONEV_WEBHOOK_SECRET = rahasia webhook dari tim monev provinsi.
 *   3. Pilih fungsi monevSetup lalu Jalankan; setujui izin yang diminta.
 */

var MONEV_URL_PROPERTY = 'MONEV_URL';
var MONEV_SECRET_PROPERTY = 'MONEV_WEBHOOK_SECRET';
/**
 * Perubahan beruntun dikirim paling sering sekali per 10 detik. monev menunggu 15 detik setelah
 * jendela perubahannya ditutup sebelum membaca, jadi perubahan yang tidak dikirim tetap ikut terbaca.
 */
var MONEV_THROTTLE_SECONDS = 10;

/** Memasang pemicu perubahan (installable on-change) untuk spreadsheet ini; aman dijalankan ulang. */
function monevSetup() {
  monevSettings_();
  var spreadsheet = SpreadsheetApp.getActive();
  ScriptApp.getProjectTriggers().forEach(function (trigger) {
    if (trigger.getHandlerFunction() === 'monevOnChange') ScriptApp.deleteTrigger(trigger);
  });
  ScriptApp.newTrigger('monevOnChange').forSpreadsheet(spreadsheet).onChange().create();
  monevNotify_(spreadsheet.getId());
  console.log('monev: pemicu terpasang untuk ' + spreadsheet.getName() + '; pemberitahuan percobaan terkirim.');
}

/** Pemicu on-change: perubahan isi sel, baris, kolom atau tab. */
function monevOnChange(event) {
  var cache = CacheService.getScriptCache();
  if (cache.get('monev-sent')) return;
  cache.put('monev-sent', '1', MONEV_THROTTLE_SECONDS);
  monevNotify_(SpreadsheetApp.getActive().getId());
}

function monevNotify_(spreadsheetId) {
  var settings = monevSettings_();
  var body = JSON.stringify({ spreadsheetId: spreadsheetId });
  var timestamp = Math.floor(Date.now() / 1000);
  var response = UrlFetchApp.fetch(settings.url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'X-Monev-Signature': 't=' + timestamp + ',v1=' + monevSignature_(settings.secret, timestamp, body) },
    muteHttpExceptions: true,
  });
  var status = response.getResponseCode();
  if (status !== 200 && status !== 202) {
    console.warn('monev menjawab ' + status + ': ' + response.getContentText().slice(0, 200));
  }
  return status;
}

/** Hex HMAC-SHA256 of "<timestamp>.<body>"; Apps Script gives signed bytes (-128…127). */
function monevSignature_(secret, timestamp, body) {
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  return bytes
    .map(function (b) {
      return ('0' + (b & 0xff).toString(16)).slice(-2);
    })
    .join('');
}

function monevSettings_() {
  var properties = PropertiesService.getScriptProperties();
  var url = properties.getProperty(MONEV_URL_PROPERTY);
  var secret = properties.getProperty(MONEV_SECRET_PROPERTY);
  if (!url || !/^https:\/\//.test(url)) {
    throw new Error('Properti skrip ' + MONEV_URL_PROPERTY + ' belum diisi dengan alamat https fungsi sheetChanged (Setelan proyek → Properti skrip).');
  }
  if (!secret || secret.length < 16) {
    throw new Error('Properti skrip ' + MONEV_SECRET_PROPERTY + ' belum diisi dengan rahasia webhook dari tim monev provinsi (Setelan proyek → Properti skrip).');
  }
  return { url: url, secret: secret };
}
