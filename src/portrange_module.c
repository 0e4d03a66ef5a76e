/*-------------------------------------------------------------------------
 *
 * portrange_module.c
 *	  Module magic for the portrange extension.
 *
 * Each type lives in its own file; this one only identifies the module.
 *
 * src/portrange_module.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
