// A WAV file with a steady sine tone, for Chromium's --use-file-for-fake-audio-capture (it loops it).
// The default fake microphone beeps briefly twice a second with digital silence between, which averages
// to about -100 dBov over mediasoup-demo's 800 ms activeSpeaker interval: below its -80 dBov threshold.
import { writeFileSync } from 'node:fs';

/** Writes 16-bit mono PCM: `seconds` of `hz` at `amplitude` (0..1 of full scale). */
export function writeToneWav(path, { seconds = 2, rate = 48_000, hz = 440, amplitude = 0.3 } = {}) {
  const samples = seconds * rate;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16); // fmt chunk size
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28); // bytes per second
  b.writeUInt16LE(2, 32); // bytes per frame
  b.writeUInt16LE(16, 34); // bits per sample
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    b.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  }
  writeFileSync(path, b);
  return path;
}
