# portrange: PostgreSQL extension for TCP/UDP/SCTP/DCCP port numbers

PG_CONFIG ?= pg_config

MODULE_big = portrange
OBJS = \
	src/portrange_module.o \
	src/port_core.o \
	src/port_wire.o \
	src/port.o \
	src/port_json.o \
	src/port_selfuncs.o \
	src/port_agg.o \
	src/prange.o \
	src/portlist.o \
	src/fwparse.o \
	src/portproto_core.o \
	src/portproto.o \
	src/service.o \
	src/registry.o \
	src/registry_data.o \
	src/endpoint_core.o \
	src/endpoint.o \
	src/community_id.o \
	src/community_id_glue.o

EXTENSION = portrange
DATA = portrange--1.0.sql portrange--1.0--1.1.sql
PGFILEDESC = "portrange - port number types"

# src/registry_data.c is generated from data/ at build time (not committed)
EXTRA_CLEAN = src/registry_data.c src/registry_data.c.tmp

REGRESS = setup validate port_io port_cast port_ops port_index port_estimate \
	port_class portrange port_sets multirange_index partition_prune search_path demo \
	firewall registry registry_owner json hostile_input security \
	portproto portproto_spec flow_side binary_input security_claims \
	endpoint community_id flow_join
REGRESS_OPTS = --inputdir=$(srcdir) --outputdir=.

# Tests of features that only some majors have, added by version (as ip4r
# does) rather than one test full of IFs: soft errors (16+) and
# COPY ... ON_ERROR (17+).
PG_MAJORVERSION := $(shell $(PG_CONFIG) --version | sed 's/^[^0-9]*\([0-9]*\).*/\1/')
ifeq ($(shell test $(PG_MAJORVERSION) -ge 16 && echo yes),yes)
REGRESS += soft_errors
endif
ifeq ($(shell test $(PG_MAJORVERSION) -ge 17 && echo yes),yes)
REGRESS += copy_on_error
endif

# The server headers are included as system headers, so that -Wextra
# judges this project's code and not PostgreSQL's inline functions.
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wall -Wextra

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The LLVM bitcode for JIT inlining is compiled by clang with
# BITCODE_CFLAGS, which PG_CFLAGS does not reach: hold it to the same
# warnings.
override BITCODE_CFLAGS += -Wall -Wextra

# Out-of-tree (VPATH) builds, as debian/rules does: the object directory
ifneq ($(srcdir),.)
$(shell mkdir -p src)
endif

# The bundled service registry, compiled from the data files.  data/README.md
# holds the snapshot string registry_version() reports.
src/registry_data.c: data/services.csv data/defacto.csv data/common.csv data/netbase.csv data/protocols.csv data/README.md tools/gen_registry.pl
	$(PERL) $(srcdir)/tools/gen_registry.pl -o $@ $(srcdir)/data/services.csv $(srcdir)/data/defacto.csv

src/registry.o src/registry_data.o src/service.o src/port.o src/portlist.o: src/registry.h
src/endpoint_core.o src/endpoint.o src/community_id_glue.o: src/endpoint_core.h
src/endpoint.o src/community_id_glue.o: src/endpoint.h
src/community_id.o src/community_id_glue.o: src/community_id.h
