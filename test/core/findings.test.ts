import { describe, expect, it } from 'vitest';
import { finding } from '../../functions/core/findings.js';

/**
 * The two v3 warnings of SPEC §4 (IKI against Anjab) that the catalogue words but no rule raises yet:
 * their messages say what is wrong, why, and what to do, quoting the job and both counts.
 */
describe('IKI against Anjab findings (SPEC §4, v3)', () => {
  it('iki-unknown-job names the IKI Jabatan and the Anjab tab', () => {
    const f = finding('iki-unknown-job', 'IKI', 'IKI!C4', { value: 'Analis Data' });
    expect(f.level).toBe('warning');
    expect(f.message).toBe(
      'Jabatan "Analis Data" tidak ada di tab Anjab, sehingga indikator pegawai ini tidak terhubung ke jabatan mana pun dan tidak muncul di kartu jabatan. Nilai tidak berkurang. Tulis nama jabatan persis seperti di tab Anjab, atau tambahkan jabatan itu ke Anjab.',
    );
  });

  it('staff-count-mismatch quotes the job, its holders in IKI and its Pegawai Ada', () => {
    const f = finding('staff-count-mismatch', 'Anjab', 'Anjab!C3', { value: 'Analis SDM', holders: 3, staff: 2 });
    expect(f.level).toBe('warning');
    expect(f.message).toBe(
      'Jabatan "Analis SDM" dipegang 3 pegawai (NIP berbeda) di tab IKI, padahal Pegawai Ada di Anjab berisi 2. Nilai tidak berkurang, tetapi kebutuhan pegawai dan efektivitas jabatan ini dihitung dari Pegawai Ada, sehingga bisa keliru. Perbarui Pegawai Ada menjadi 3 bila mereka semua memang memegang jabatan ini, atau perbaiki Jabatan di tab IKI.',
    );
  });
});
