#!/usr/bin/perl
# gen_registry.pl - generate src/registry_data.c from the registry snapshot.
#
# Usage:
#   perl tools/gen_registry.pl [--snapshot STRING] [-o OUTPUT.c] \
#        data/services.csv data/defacto.csv
#
# Reads data/services.csv and data/defacto.csv (RFC 4180 CSV, UTF-8; formats
# in data/README.md), validates every row (a malformed row is reported as
# FILE:LINE: message and the script exits 1 without writing output), and
# writes C99 source defining the constant tables declared in the internal
# section of src/registry.h.  Output goes to stdout, or with -o to a
# temporary file renamed into place.  The output depends only on the inputs
# and the snapshot string.
#
# The snapshot string (returned by reg_snapshot()) is --snapshot, else the
# "Snapshot: ..." line of README.md next to services.csv, else "unknown".
#
# Perl 5 core only (modules shipped in Debian's perl-base).

use strict;
use warnings;
use Config;
use File::Basename qw(dirname);
use Getopt::Long qw(GetOptions);

my $FORMAT = 2;    # must match REG_TAB_FORMAT in src/registry.h
my @PROTOS = qw(tcp udp sctp dccp);
my %PROTO  = (tcp => 0, udp => 1, sctp => 2, dccp => 3);
my @STATUS = qw(assigned alias reserved unassigned);
my %STATUS = (assigned => 0, alias => 1, reserved => 2, unassigned => 3);
my @SERVICES_HEADER = qw(port_low port_high protocol service_name name_rank
  status description assignee contact registration_date modification_date
  reference notes unauthorized sources);
my @DEFACTO_HEADER = qw(port protocol name description source);
my @COMMON_HEADER  = qw(name port protocol description source url);
my @NETBASE_HEADER = qw(port protocol name);
my @IPPROTO_HEADER = qw(number keyword description);

die "gen_registry.pl: needs a perl with 64-bit integers\n"
  if $Config{ivsize} < 8;

my ($snapshot, $output, $common_path, $netbase_path, $ipproto_path);
GetOptions('snapshot=s' => \$snapshot, 'o|output=s' => \$output,
	'common=s' => \$common_path, 'netbase=s' => \$netbase_path,
	'protocols=s' => \$ipproto_path)
  or usage();
usage() unless @ARGV == 2;
my ($services_path, $defacto_path) = @ARGV;
# The optional inputs default to the files beside services.csv; a missing
# one is an empty table.
$common_path  = dirname($services_path) . '/common.csv'    unless defined $common_path;
$netbase_path = dirname($services_path) . '/netbase.csv'   unless defined $netbase_path;
$ipproto_path = dirname($services_path) . '/protocols.csv' unless defined $ipproto_path;

sub usage {
	print STDERR "usage: perl tools/gen_registry.pl [--snapshot STRING] "
	  . "[--common FILE] [--netbase FILE] [--protocols FILE] "
	  . "[-o OUTPUT.c] services.csv defacto.csv\n";
	exit 2;
}

my $errors = 0;
sub fail {
	my ($where, $msg) = @_;
	print STDERR "gen_registry.pl: $where: $msg\n";
	$errors++;
	exit 1 if $errors >= 20;
}

# ------------------------------------------------------------------ CSV

# Parse RFC 4180 CSV.  Returns a list of [line_number, [fields]].  Accepts LF
# or CRLF record ends; quoted fields may hold commas, doubled quotes and line
# breaks.  Any other use of '"', and a bare CR, are errors.
sub read_csv {
	my ($path) = @_;
	open(my $fh, '<:raw', $path) or do {
		print STDERR "gen_registry.pl: cannot open $path: $!\n";
		exit 1;
	};
	local $/;
	my $data = <$fh>;
	close $fh;
	$data = '' unless defined $data;
	if ($data eq '') {
		fail("$path:1", "file is empty");
		exit 1;
	}
	fail("$path", "file does not end with a line break")
	  unless $data =~ /\n\z/;
	$data =~ s/\A\xEF\xBB\xBF//;    # tolerate a UTF-8 byte order mark

	my @records;
	my $line = 1;
	my $len  = length $data;
	pos($data) = 0;
	while (pos($data) < $len) {
		my $start = $line;
		my @fields;
		while (1) {
			my $field;
			if ($data =~ /\G"([^"]*(?:""[^"]*)*)"/gc) {
				$field = $1;
				$line += ($field =~ tr/\n//);
				$field =~ s/""/"/g;
				$field =~ s/\r\n/\n/g;
			}
			elsif ($data =~ /\G([^,"\r\n]*)/gc) {
				$field = $1;
			}
			push @fields, $field;
			if ($data =~ /\G,/gc) {
				next;
			}
			elsif ($data =~ /\G\r?\n/gc) {
				$line++;
				last;
			}
			else {
				my $rest = substr($data, pos($data), 20);
				$rest =~ s/\n.*//s;
				fail("$path:$line", "malformed CSV near '$rest' "
					  . "(stray quote, bare CR or unterminated quoted field)");
				exit 1;
			}
		}
		push @records, [ $start, \@fields ];
	}
	return \@records;
}

sub check_text {
	my ($where, $what, $s) = @_;
	my $copy = $s;
	if (!utf8::decode($copy)) {
		fail($where, "$what is not valid UTF-8");
		return;
	}
	fail($where, "$what contains a NUL or control character")
	  if $s =~ /[\x00-\x08\x0B-\x1F\x7F]/;
}

sub check_header {
	my ($path, $records, $want) = @_;
	my $got = shift @$records;
	if (!$got || join(',', @{ $got->[1] }) ne join(',', @$want)) {
		fail("$path:1", "header must be: " . join(',', @$want));
		exit 1;
	}
}

sub parse_port {
	my ($where, $what, $s) = @_;
	if ($s !~ /\A(?:0|[1-9][0-9]{0,4})\z/ || $s > 65535) {
		fail($where, "$what '$s' is not an integer 0..65535");
		return 0;
	}
	return $s + 0;
}

# ------------------------------------------------------------------ input

my $svc = read_csv($services_path);
check_header($services_path, $svc, \@SERVICES_HEADER);

my @rows;
my %primary;    # "proto/port" -> [line, name]
my $prev_low = -1;
for my $rec (@$svc) {
	my ($line, $f) = @$rec;
	my $where = "$services_path:$line";
	if (@$f != @SERVICES_HEADER) {
		fail($where, sprintf("expected %d fields, found %d",
				scalar @SERVICES_HEADER, scalar @$f));
		next;
	}
	my %r;
	@r{@SERVICES_HEADER} = @$f;
	check_text($where, $_, $r{$_}) for @SERVICES_HEADER;
	my $lo = parse_port($where, 'port_low',  $r{port_low});
	my $hi = parse_port($where, 'port_high', $r{port_high});
	fail($where, "port_low $lo > port_high $hi") if $lo > $hi;
	fail($where, "rows must be sorted by port_low ($lo after $prev_low)")
	  if $lo < $prev_low;
	$prev_low = $lo if $lo > $prev_low;
	my $proto = $PROTO{ $r{protocol} };
	if (!defined $proto) {
		fail($where, "protocol '$r{protocol}' is not tcp, udp, sctp or dccp");
		$proto = 0;
	}
	my $status = $STATUS{ $r{status} };
	if (!defined $status) {
		fail($where, "status '$r{status}' is not assigned, alias, reserved or unassigned");
		$status = 0;
	}
	my $named = ($status == 0 || $status == 1);
	my $rank  = 0;
	if ($named) {
		fail($where, "service_name is empty for status $r{status}")
		  if $r{service_name} eq '';
		fail($where, "service_name has leading/trailing blanks or a line break")
		  if $r{service_name} =~ /\A\s|\s\z|\n/;
		if ($r{name_rank} =~ /\A[1-9][0-9]{0,2}\z/ && $r{name_rank} <= 255) {
			$rank = $r{name_rank} + 0;
		}
		else {
			fail($where, "name_rank '$r{name_rank}' is not an integer 1..255");
		}
	}
	else {
		fail($where, "service_name must be empty for status $r{status}")
		  if $r{service_name} ne '';
		fail($where, "name_rank must be empty for status $r{status}")
		  if $r{name_rank} ne '';
	}
	for my $d (qw(registration_date modification_date)) {
		fail($where, "$d '$r{$d}' is not YYYY-MM-DD (or YYYY-MM)")
		  unless $r{$d} =~ /\A(?:[0-9]{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?\z/;
	}
	fail($where, "sources '$r{sources}' must be ';'-separated tokens")
	  unless $r{sources} =~ /\A[a-z0-9-]+(?:;[a-z0-9-]+)*\z/;
	if ($status == 0 && $rank == 1) {
		for my $p ($lo .. $hi) {
			my $k = "$proto/$p";
			if ($primary{$k}) {
				fail($where, "second rank-1 assigned name '$r{service_name}' for "
					  . "$p/$r{protocol} (line $primary{$k}[0] has '$primary{$k}[1]')");
				last;
			}
			$primary{$k} = [ $line, $r{service_name} ];
		}
	}
	push @rows, {
		lo => $lo, hi => $hi, proto => $proto, rank => $rank,
		status => $status, line => $line,
		map { $_ => $r{$_} } qw(service_name description assignee contact
		  registration_date modification_date reference notes unauthorized
		  sources)
	};
}

my $dfc = read_csv($defacto_path);
check_header($defacto_path, $dfc, \@DEFACTO_HEADER);
my @defacto;
my %df_seen;
for my $rec (@$dfc) {
	my ($line, $f) = @$rec;
	my $where = "$defacto_path:$line";
	if (@$f != @DEFACTO_HEADER) {
		fail($where, sprintf("expected %d fields, found %d",
				scalar @DEFACTO_HEADER, scalar @$f));
		next;
	}
	my %r;
	@r{@DEFACTO_HEADER} = @$f;
	check_text($where, $_, $r{$_}) for @DEFACTO_HEADER;
	my $port  = parse_port($where, 'port', $r{port});
	my $proto = $PROTO{ $r{protocol} };
	if (!defined $proto) {
		fail($where, "protocol '$r{protocol}' is not tcp, udp, sctp or dccp");
		next;
	}
	fail($where, "name is empty or has blanks or a line break")
	  if $r{name} eq '' || $r{name} =~ /\s/;
	fail($where, "source is empty") if $r{source} eq '';
	if ($df_seen{"$proto/$port"}) {
		fail($where, "duplicate $port/$r{protocol} (line " . $df_seen{"$proto/$port"} . ")");
		next;
	}
	$df_seen{"$proto/$port"} = $line;
	push @defacto, { port => $port, proto => $proto, %r };
}

# Names assigned or aliased per protocol, to check the other tables against.
my %named;    # "proto/lcname" -> { port => 1 }
for my $r (@rows) {
	next unless $r->{status} == 0 || $r->{status} == 1;
	my $lc = lc $r->{service_name};
	$named{"$r->{proto}/$lc"}{$_} = 1 for $r->{lo} .. ($r->{hi} - $r->{lo} < 256 ? $r->{hi} : $r->{lo});
}

# Optional table reader: [] when the file does not exist.
sub read_optional {
	my ($path, $header) = @_;
	return [] unless -e $path;
	my $recs = read_csv($path);
	check_header($path, $recs, $header);
	my @out;
	for my $rec (@$recs) {
		my ($line, $f) = @$rec;
		my $where = "$path:$line";
		if (@$f != @$header) {
			fail($where, sprintf("expected %d fields, found %d", scalar @$header, scalar @$f));
			next;
		}
		my %r;
		@r{@$header} = @$f;
		check_text($where, $_, $r{$_}) for @$header;
		$r{where} = $where;
		push @out, \%r;
	}
	return \@out;
}

# netbase's /etc/services facts: the first port it lists a name on, per
# protocol, is the port getservbyname() gives; name resolution follows it.
my %netbase_port;    # "proto/lcname" -> port
for my $r (@{ read_optional($netbase_path, \@NETBASE_HEADER) }) {
	my $port  = parse_port($r->{where}, 'port', $r->{port});
	my $proto = $PROTO{ $r->{protocol} };
	if (!defined $proto) {
		fail($r->{where}, "protocol '$r->{protocol}' is not tcp, udp, sctp or dccp");
		next;
	}
	my $k = "$proto/" . lc $r->{name};
	next if exists $netbase_port{$k};
	fail($r->{where}, "netbase name '$r->{name}' $port/$r->{protocol} is not in services.csv")
	  unless $named{$k} && $named{$k}{$port};
	$netbase_port{$k} = $port;
}

# Common names that are not IANA's (dns, rdp, ...), each with its source.
my @common;
my %common_seen;
for my $r (@{ read_optional($common_path, \@COMMON_HEADER) }) {
	my $port  = parse_port($r->{where}, 'port', $r->{port});
	my $proto = $PROTO{ $r->{protocol} };
	if (!defined $proto) {
		fail($r->{where}, "protocol '$r->{protocol}' is not tcp, udp, sctp or dccp");
		next;
	}
	fail($r->{where}, "name is empty or has blanks or a line break")
	  if $r->{name} eq '' || $r->{name} =~ /\s/;
	fail($r->{where}, "source or url is empty") if $r->{source} eq '' || $r->{url} eq '';
	my $k = "$proto/" . lc $r->{name};
	fail($r->{where}, "'$r->{name}' is an IANA name or alias for $r->{protocol}; "
		  . "IANA's names win, so it cannot be a common name")
	  if $named{$k};
	fail($r->{where}, "duplicate common name '$r->{name}'/$r->{protocol}")
	  if $common_seen{$k}++;
	push @common, { %$r, port => $port, proto => $proto };
}

# IANA protocol numbers (data/protocols.csv).
my @ipproto;
my %ipproto_seen;
for my $r (@{ read_optional($ipproto_path, \@IPPROTO_HEADER) }) {
	if ($r->{number} !~ /\A(?:0|[1-9][0-9]{0,2})\z/ || $r->{number} > 255) {
		fail($r->{where}, "number '$r->{number}' is not 0..255");
		next;
	}
	fail($r->{where}, "keyword '$r->{keyword}' must be 1..31 of [A-Za-z0-9+./_-]")
	  unless $r->{keyword} =~ m{\A[A-Za-z0-9+./_-]{1,31}\z};
	fail($r->{where}, "duplicate keyword '$r->{keyword}'")
	  if $ipproto_seen{ lc $r->{keyword} }++;
	push @ipproto, $r;
}
fail($ipproto_path, "numbers must be ascending")
  if grep { $ipproto[$_]{number} < $ipproto[ $_ - 1 ]{number} } 1 .. $#ipproto;

exit 1 if $errors;

if (!defined $snapshot) {
	my $readme = dirname($services_path) . '/README.md';
	if (open(my $fh, '<:raw', $readme)) {
		while (<$fh>) {
			if (/\ASnapshot:\s*(\S.*?)\s*\z/) { $snapshot = $1; last; }
		}
		close $fh;
	}
	$snapshot = 'unknown' unless defined $snapshot;
}

# ------------------------------------------------------------------ tables

# String pool: NUL-terminated, de-duplicated, offset 0 is "".
my $pool = "\0";
my %pool_off = ('' => 0);
sub str_off {
	my ($s) = @_;
	return $pool_off{$s} if exists $pool_off{$s};
	my $off = length $pool;
	$pool .= $s . "\0";
	$pool_off{$s} = $off;
	return $off;
}

my (@src_tab, %src_idx);
my (@extra_tab, %extra_idx);
push @extra_tab, [ 0, 0, 0, 0, 0, 0, 0 ];
$extra_idx{'0,0,0,0,0,0,0'} = 0;

for my $r (@rows) {
	$r->{name_off} = str_off($r->{service_name});
	$r->{desc_off} = str_off($r->{description});
	my @x = map { str_off($r->{$_}) }
	  qw(assignee contact registration_date modification_date reference
	  notes unauthorized);
	my $xk = join(',', @x);
	if (!exists $extra_idx{$xk}) {
		$extra_idx{$xk} = scalar @extra_tab;
		push @extra_tab, \@x;
	}
	$r->{extra} = $extra_idx{$xk};
	if (!exists $src_idx{ $r->{sources} }) {
		$src_idx{ $r->{sources} } = scalar @src_tab;
		push @src_tab, str_off($r->{sources});
	}
	$r->{src} = $src_idx{ $r->{sources} };
}
if (@src_tab > 256) {
	fail($services_path, "more than 256 distinct sources values");
	exit 1;
}

# Primary names: per protocol, 256 pages of 256 ports.  A page is a 256-bit
# map of ports that have a primary name plus the pool offsets of those names
# in port order; identical pages are shared (page 0 is the empty page).
my @ptop;         # [proto][page] -> page id
my @ppages = ({ bits => [ 0, 0, 0, 0 ], base => 0, pre => [ 0, 0, 0, 0 ] });
my %ppage_id = ('0,0,0,0|' => 0);
my @pname;
{
	my @prim;     # [proto][port] -> name offset
	for my $r (@rows) {
		next unless $r->{status} == 0 && $r->{rank} == 1;
		$prim[ $r->{proto} ][$_] = $r->{name_off} for $r->{lo} .. $r->{hi};
	}
	for my $proto (0 .. 3) {
		for my $page (0 .. 255) {
			my @bits = (0, 0, 0, 0);
			my @ids;
			for my $i (0 .. 255) {
				my $off = $prim[$proto][ $page * 256 + $i ];
				next unless defined $off;
				$bits[ $i >> 6 ] |= 1 << ($i & 63);
				push @ids, $off;
			}
			my $key = join(',', @bits) . '|' . join(',', @ids);
			if (!exists $ppage_id{$key}) {
				my @pre = (0);
				push @pre, $pre[-1] + popcount($bits[$_]) for 0 .. 2;
				$ppage_id{$key} = scalar @ppages;
				push @ppages, { bits => \@bits, base => scalar @pname, pre => \@pre };
				push @pname, @ids;
			}
			$ptop[$proto][$page] = $ppage_id{$key};
		}
	}
}

sub popcount {
	my ($x) = @_;
	my $n = 0;
	while ($x) { $x &= $x - 1; $n++; }
	return $n;
}

# Per-port row index: rows are sorted by port_low, so the rows starting in
# page P are rows rowpage[P] .. rowpage[P+1]-1.  Rows spanning several ports
# are also listed (ascending) for every page they intersect.
my @rowpage;
my (@rngpage, @rng);
{
	my $i = 0;
	for my $page (0 .. 256) {
		$i++ while $i < @rows && $rows[$i]{lo} < $page * 256;
		$rowpage[$page] = $i;
	}
	my @per_page;
	for my $ri (0 .. $#rows) {
		my $r = $rows[$ri];
		next if $r->{lo} == $r->{hi};
		push @{ $per_page[$_] }, $ri for ($r->{lo} >> 8) .. ($r->{hi} >> 8);
	}
	for my $page (0 .. 255) {
		$rngpage[$page] = scalar @rng;
		push @rng, @{ $per_page[$page] || [] };
	}
	$rngpage[256] = scalar @rng;
}

# Name lookup: open addressing (linear probing) over the ASCII-lowercased
# name, FNV-1a 32-bit.  For each key and protocol the port is, in order:
# the port netbase's /etc/services gives the name (the first it lists);
# else the port where the name is the primary (rank-1) assigned name; else
# the lowest port, assigned names before aliases; then file order.
my (@hkeys, %hkey_idx);
my $maxlen = 0;
for my $ri (0 .. $#rows) {
	my $r = $rows[$ri];
	next unless $r->{status} == 0 || $r->{status} == 1;
	my $lc = $r->{service_name};
	$lc =~ tr/A-Z/a-z/;
	$maxlen = length $lc if length $lc > $maxlen;
	my $k = $hkey_idx{$lc};
	if (!defined $k) {
		$k = $hkey_idx{$lc} = scalar @hkeys;
		push @hkeys, { lc => $lc, name_off => $r->{name_off}, best => [], nb => 0 };
	}
	my $nb = $netbase_port{"$r->{proto}/$lc"};
	my $by_netbase = (defined $nb && $nb >= $r->{lo} && $nb <= $r->{hi}) ? 0 : 1;
	my $primary = ($r->{status} == 0 && $r->{rank} == 1) ? 0 : 1;
	my $port = $by_netbase ? $r->{lo} : $nb;
	my $cand = [ $by_netbase, $primary, $port, $r->{status}, $ri ];
	my $cur  = $hkeys[$k]{best}[ $r->{proto} ];
	if (!$cur || cmp_cand($cand, $cur) < 0) {
		$hkeys[$k]{best}[ $r->{proto} ] = $cand;
	}
	$hkeys[$k]{nb} |= (1 << $r->{proto}) unless $by_netbase;
}
sub cmp_cand {
	my ($a, $b) = @_;
	for my $i (0 .. 4) {
		return $a->[$i] <=> $b->[$i] if $a->[$i] != $b->[$i];
	}
	return 0;
}
if (@hkeys > 65535) {
	fail($services_path, "too many distinct names for 16-bit hash slots");
	exit 1;
}
my $nslots = 16;
$nslots *= 2 while $nslots < 2 * @hkeys;
my @hslot = (0) x $nslots;
for my $k (0 .. $#hkeys) {
	my $i = fnv1a($hkeys[$k]{lc}) & ($nslots - 1);
	$i = ($i + 1) & ($nslots - 1) while $hslot[$i];
	$hslot[$i] = $k + 1;
}

sub fnv1a {
	my ($s) = @_;
	my $h = 2166136261;
	for my $c (unpack('C*', $s)) {
		$h ^= $c;
		$h = ($h * 16777619) & 0xFFFFFFFF;
	}
	return $h;
}

# De-facto rows, plus their order sorted by (protocol, port).
my @dfsorted = sort {
	$defacto[$a]{proto} <=> $defacto[$b]{proto}
	  || $defacto[$a]{port} <=> $defacto[$b]{port}
} 0 .. $#defacto;

# ------------------------------------------------------------------ output

my $out = '';
sub emit { $out .= join('', @_); }

sub c_string {
	my ($s) = @_;
	$s =~ s/([\\"])/\\$1/g;
	$s =~ s/([^\x20-\x7E])/sprintf('\\%03o', ord $1)/ge;
	$s =~ s/\?\?/?\\?/g;    # no trigraphs
	return "\"$s\"";
}

sub emit_list {
	my ($per_line, $fmt, @v) = @_;
	@v = (0) unless @v;    # C forbids empty arrays
	for (my $i = 0; $i < @v; $i += $per_line) {
		my $end = $i + $per_line - 1;
		$end = $#v if $end > $#v;
		emit("\t", join(',', map { sprintf($fmt, $_) } @v[ $i .. $end ]), ",\n");
	}
}

my $nrows = scalar @rows;
emit(<<"EOT");
/*
 * registry_data.c - GENERATED by tools/gen_registry.pl from
 * data/services.csv and data/defacto.csv.  DO NOT EDIT; do not commit.
 *
 * $nrows registry rows, ${\ scalar @defacto} de-facto rows,
 * ${\ scalar @hkeys} distinct names, ${\ scalar @ppages} primary-name pages.
 */
#include "registry.h"

#if !defined(REG_TAB_FORMAT) || REG_TAB_FORMAT != $FORMAT
#error "src/registry.h and tools/gen_registry.pl disagree on the table format"
#endif

const char reg_tab_snapshot[] = ${\ c_string($snapshot)};

EOT

emit("const size_t reg_tab_pool_size = ", length($pool), ";\n");
emit("const unsigned char reg_tab_pool[", length($pool), "] = {\n");
emit_list(24, '%d', unpack('C*', $pool));
emit("};\n\n");

emit("const size_t reg_tab_nrows = $nrows;\n");
emit("const reg_tab_row reg_tab_rows[", ($nrows || 1), "] = {\n");
for my $r (@rows) {
	emit(sprintf("\t{%d,%d,%d,%d,%d,%d,%d,%d,%d},\n",
			$r->{lo}, $r->{hi}, $r->{proto}, $r->{rank}, $r->{status},
			$r->{src}, $r->{name_off}, $r->{desc_off}, $r->{extra}));
}
emit("\t{0,0,0,0,0,0,0,0,0},\n") unless $nrows;
emit("};\n\n");

emit("const uint32_t reg_tab_src[", scalar @src_tab, "] = {\n");
emit_list(12, '%d', @src_tab);
emit("};\n\n");

emit("const uint32_t reg_tab_extra[", scalar @extra_tab, "][7] = {\n");
emit("\t{", join(',', @$_), "},\n") for @extra_tab;
emit("};\n\n");

emit("const uint16_t reg_tab_ptop[REG_NPROTO][256] = {\n");
for my $proto (0 .. 3) {
	emit("\t{ /* $PROTOS[$proto] */\n");
	emit_list(16, '%d', @{ $ptop[$proto] });
	emit("\t},\n");
}
emit("};\n\n");

emit("const reg_tab_ppage reg_tab_ppages[", scalar @ppages, "] = {\n");
for my $pg (@ppages) {
	emit("\t{{", join(',', map { sprintf('UINT64_C(0x%016x)', $_) } @{ $pg->{bits} }),
		"},", $pg->{base}, ",{", join(',', @{ $pg->{pre} }), "}},\n");
}
emit("};\n\n");

emit("const uint32_t reg_tab_pname[", (scalar @pname || 1), "] = {\n");
emit_list(12, '%d', @pname);
emit("};\n\n");

emit("const uint32_t reg_tab_rowpage[257] = {\n");
emit_list(12, '%d', @rowpage);
emit("};\n\n");
emit("const uint32_t reg_tab_rngpage[257] = {\n");
emit_list(12, '%d', @rngpage);
emit("};\n\n");
emit("const uint32_t reg_tab_rng[", (scalar @rng || 1), "] = {\n");
emit_list(12, '%d', @rng);
emit("};\n\n");

emit("const uint32_t reg_tab_hmask = ", $nslots - 1, ";\n");
emit("const size_t reg_tab_hmaxlen = $maxlen;\n");
emit("const uint16_t reg_tab_hslot[$nslots] = {\n");
emit_list(16, '%d', @hslot);
emit("};\n\n");
my $nkeys = scalar @hkeys || 1;
emit("const uint32_t reg_tab_hname[$nkeys] = {\n");
emit_list(12, '%d', map { $_->{name_off} } @hkeys);
emit("};\n\n");
emit("const uint16_t reg_tab_hport[$nkeys][REG_NPROTO] = {\n");
for my $k (@hkeys) {
	emit("\t{", join(',', map { $k->{best}[$_] ? $k->{best}[$_][2] : 0 } 0 .. 3), "},\n");
}
emit("\t{0,0,0,0},\n") unless @hkeys;
emit("};\n\n");
emit("const uint8_t reg_tab_hprotos[$nkeys] = {\n");
emit_list(24, '%d', map {
	my $k = $_;
	my $m = 0;
	$m |= (1 << $_) for grep { $k->{best}[$_] } 0 .. 3;
	$m
} @hkeys);
emit("};\n\n");

my $ndf = scalar @defacto;
emit("const size_t reg_tab_ndefacto = $ndf;\n");
emit("const reg_defacto reg_tab_defacto[", ($ndf || 1), "] = {\n");
for my $d (@defacto) {
	emit("\t{", $d->{port}, ",", $d->{proto}, ",", c_string($d->{name}), ",\n\t ",
		c_string($d->{description}), ",\n\t ", c_string($d->{source}), "},\n");
}
emit("\t{0,0,\"\",\"\",\"\"},\n") unless $ndf;
emit("};\n");
emit("const uint16_t reg_tab_dfsorted[", ($ndf || 1), "] = {\n");
emit_list(16, '%d', @dfsorted);
emit("};\n");

emit("const uint8_t reg_tab_hnetbase[$nkeys] = {\n");
emit_list(24, '%d', map { $_->{nb} } @hkeys);
emit("};\n\n");

my $ncommon = scalar @common;
emit("const size_t reg_tab_ncommon = $ncommon;\n");
emit("const reg_common reg_tab_common[", ($ncommon || 1), "] = {\n");
for my $c (@common) {
	emit("\t{", $c->{port}, ",", $c->{proto}, ",", c_string($c->{name}), ",\n\t ",
		c_string($c->{description}), ",\n\t ", c_string($c->{source}), ",\n\t ",
		c_string($c->{url}), "},\n");
}
emit("\t{0,0,\"\",\"\",\"\",\"\"},\n") unless $ncommon;
emit("};\n\n");

my $nipproto = scalar @ipproto;
emit("const size_t reg_tab_nipproto = $nipproto;\n");
emit("const reg_ipproto reg_tab_ipproto[", ($nipproto || 1), "] = {\n");
for my $p (@ipproto) {
	emit("\t{", $p->{number}, ",", c_string($p->{keyword}), ",", c_string($p->{description}), "},\n");
}
emit("\t{0,\"\",\"\"},\n") unless $nipproto;
emit("};\n");

# ------------------------------------------------------------------ write

if (defined $output) {
	my $tmp = "$output.tmp";
	open(my $fh, '>:raw', $tmp) or die "gen_registry.pl: cannot write $tmp: $!\n";
	print $fh $out or die "gen_registry.pl: cannot write $tmp: $!\n";
	close $fh or die "gen_registry.pl: cannot write $tmp: $!\n";
	rename($tmp, $output) or die "gen_registry.pl: cannot rename $tmp: $!\n";
}
else {
	binmode STDOUT;
	print $out or die "gen_registry.pl: cannot write output: $!\n";
	close STDOUT or die "gen_registry.pl: cannot write output: $!\n";
}
exit 0;
