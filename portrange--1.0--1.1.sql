/* portrange--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION portrange UPDATE TO '1.1'" to load this file. \quit

--
-- Version 1.1.  There is no portrange--1.1.sql: CREATE EXTENSION portrange
-- runs portrange--1.0.sql and then this script, so a fresh install and an
-- upgraded one run the same statements (test/upgrade proves they end equal).
-- As in the 1.0 script, every object is schema-qualified with @extschema@ or
-- pg_catalog and nothing uses CREATE OR REPLACE.
--
-- Sections by topic; keep each change in its own section.
--

------------------------------------------------------------------------------
-- Hardening (#11)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- Usability: index use, JSON, casts, constructors, messages (#12)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- The registry from IANA's XML, common names, protocols as text/int (#13)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- portproto: a port with its transport protocol; per-protocol sets (#14)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- endpoint: an address with a port; the Community ID (#15)
------------------------------------------------------------------------------



