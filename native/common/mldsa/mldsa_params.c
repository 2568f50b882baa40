#include "mldsa/mldsa_params.h"

#define Q 8380417
/* pk = 32 + 320k; sk = 128 + (k+l)*polyeta + 416k; sig = ctilde + l*polyz + omega + k */
static const pq_mldsa_params P44 = {
    2, 4, 4, 2, 39, 78, 1 << 17, (Q - 1) / 88, 80, 32, 96, 576, 192, 1312, 2560, 2420};
static const pq_mldsa_params P65 = {
    3, 6, 5, 4, 49, 196, 1 << 19, (Q - 1) / 32, 55, 48, 128, 640, 128, 1952, 4032, 3309};
static const pq_mldsa_params P87 = {
    5, 8, 7, 2, 60, 120, 1 << 19, (Q - 1) / 32, 75, 64, 96, 640, 128, 2592, 4896, 4627};

const pq_mldsa_params *pq_mldsa_params_get(unsigned name) {
  switch (name) {
    case 44: return &P44;
    case 65: return &P65;
    case 87: return &P87;
    default: return 0;
  }
}
