/* ChaCha20/Salsa20 state set-up and the HChaCha20/HSalsa20 subkey functions (aead/arx.h). */
#include "aead/arx.h"

#include "shared/pq_util.h"

/* "expand 32-byte k" as four LE words */
#define SIGMA0 0x61707865u
#define SIGMA1 0x3320646eu
#define SIGMA2 0x79622d32u
#define SIGMA3 0x6b206574u

void pq_chacha20_load(uint32_t s[16], const uint8_t key[32], const uint8_t in16[16]) {
  s[0] = SIGMA0, s[1] = SIGMA1, s[2] = SIGMA2, s[3] = SIGMA3;
  for (int i = 0; i < 8; i++) s[4 + i] = pq_load32_le(key + 4 * i);
  for (int i = 0; i < 4; i++) s[12 + i] = pq_load32_le(in16 + 4 * i);
}

void pq_salsa20_load(uint32_t s[16], const uint8_t key[32], const uint8_t in16[16]) {
  s[0] = SIGMA0, s[5] = SIGMA1, s[10] = SIGMA2, s[15] = SIGMA3;
  for (int i = 0; i < 4; i++) {
    s[1 + i] = pq_load32_le(key + 4 * i);
    s[11 + i] = pq_load32_le(key + 16 + 4 * i);
    s[6 + i] = pq_load32_le(in16 + 4 * i);
  }
}

void pq_hchacha20(uint8_t out[32], const uint8_t key[32], const uint8_t in[16]) {
  uint32_t x[16];
  pq_chacha20_load(x, key, in);
  pq_chacha20_rounds(x);
  for (int i = 0; i < 4; i++) {
    pq_store32_le(out + 4 * i, x[i]);
    pq_store32_le(out + 16 + 4 * i, x[12 + i]);
  }
  pq_wipe(x, sizeof x);
}

void pq_hsalsa20(uint8_t out[32], const uint8_t key[32], const uint8_t in[16]) {
  static const uint8_t pick[8] = {0, 5, 10, 15, 6, 7, 8, 9};
  uint32_t x[16];
  pq_salsa20_load(x, key, in);
  pq_salsa20_rounds(x);
  for (int i = 0; i < 8; i++) pq_store32_le(out + 4 * i, x[pick[i]]);
  pq_wipe(x, sizeof x);
}
