# portrange: PostgreSQL extension for TCP/UDP/SCTP/DCCP port numbers

PG_CONFIG ?= pg_config

MODULE_big = portrange
OBJS = \
	src/portrange.o \
	src/port_core.o \
	src/port.o \
	src/port_selfuncs.o \
	src/prange.o \
	src/service.o

EXTENSION = portrange
DATA = portrange--1.0.sql
PGFILEDESC = "portrange - port number types"

REGRESS = validate port_io port_cast port_ops port_index port_estimate \
	port_class security
REGRESS_OPTS = --inputdir=. --outputdir=.

# The server headers are included as system headers, so that -Wextra
# judges this project's code and not PostgreSQL's inline functions.
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wall -Wextra

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
