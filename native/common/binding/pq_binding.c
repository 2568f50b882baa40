/* What every family's binding shares (pq_binding.h). */
#include "binding/pq_binding.h"

PQ_API uint32_t pq_bind_state_bytes(void) { return (uint32_t)sizeof(pq_bind_state); }
