# remous: plain Makefile. `make` builds build/remous and build/libremous.a.
# `make run` and `make test` first install what is missing (Debian packages,
# through scripts/install-deps.sh), so they work on a fresh Debian 12.

BUILD ?= build
CC ?= cc
# Aligned functions and loops: the event loop's speed then does not depend
# on where unrelated code lands in the binary (it moved by 7% without).
ALIGN = -falign-functions=64 -falign-jumps=32 -falign-loops=32
OPT ?= -O2 -g $(ALIGN)
CFLAGS_STRICT = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wshadow \
                -Wstrict-prototypes -Wmissing-prototypes
# Recursively expanded: pkg-config is asked when a recipe needs it, after deps.
LUA_CFLAGS = $(shell pkg-config --cflags lua5.4)
LUA_LIBS = $(shell pkg-config --libs lua5.4)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)
CFLAGS_ALL = $(CFLAGS_STRICT) $(OPT) $(EXTRA_CFLAGS) -Iinclude -Iengine $(LUA_CFLAGS) $(GV_CFLAGS)
MHD_LIBS = $(shell pkg-config --libs libmicrohttpd) -lpthread
# Graphviz (the process diagram): cgraph and gvc, with the dot layout and the
# SVG renderer linked in from their plugin libraries (Debian's libgvc6 ships
# them under graphviz/), so nothing is loaded from disk by name at run time.
GV_CFLAGS = $(shell pkg-config --cflags-only-I libgvc libcgraph | sed 's/-I/-isystem /g')
GV_PLUGINS = $(shell pkg-config --variable=libdir libgvc)/graphviz
GV_LIBS = $(shell pkg-config --libs libgvc libcgraph) -L$(GV_PLUGINS) -lgvplugin_dot_layout -lgvplugin_core \
          -Wl,-rpath,$(GV_PLUGINS)
LIBS = $(LUA_LIBS) $(MHD_LIBS) $(GV_LIBS) -lcsv -lm

ENGINE = rng heap dist stats calendar model words labels inputs outset point_check sim metrics lua_errors binding binding_metrics runner parallel compare cost digest headline warnings targets output trace diagram report cost_chart targets_page signature grid points decision_page sweep binding_batch table workshop_gate workshop workshop_sensitivity fragility sensitivity report_fragility report_sensitivity sensitivity_chart
OBJS = $(ENGINE:%=$(BUILD)/obj/%.o) $(BUILD)/obj/prelude.o $(BUILD)/obj/lang.o
UNIT_TESTS = rng heap dist stats calendar sim time compare scenario output alloc validation lua_errors diagram headline words workshop_gate cost parallel
TEST_BINS = $(UNIT_TESTS:%=$(BUILD)/tests/test_%)

.PHONY: all deps run test unit-tests cli-tests decision-test fragility-test sensitivity-test cost-test language-test stories-test headline-test report-test workshop-test hostile-test slurm-test bench asan fuzz clean
all: $(BUILD)/remous $(BUILD)/libremous.a

deps:
	@scripts/install-deps.sh

$(BUILD)/obj/%.o: engine/%.c $(wildcard engine/*.h) include/remous.h | $(BUILD)/obj
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# The prelude ships inside the binary: each line becomes a C string literal.
$(BUILD)/prelude.c: scripts/prelude.lua | $(BUILD)/obj
	@{ echo '/* generated from scripts/prelude.lua: do not edit */'; \
	   echo 'const char rm_prelude_lua[] ='; \
	   sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	   echo ';'; } > $@

$(BUILD)/obj/prelude.o: $(BUILD)/prelude.c
	$(CC) $(CFLAGS_STRICT) $(OPT) $(EXTRA_CFLAGS) -Wno-missing-variable-declarations -c $< -o $@

# The catalogs of words ship inside the binary too: every scripts/lang/CODE.lua
# becomes {"CODE", its text}; a new language is a new file, nothing else.
LANGS = $(sort $(wildcard scripts/lang/*.lua))
$(BUILD)/lang.c: $(LANGS) scripts/lang Makefile | $(BUILD)/obj
	@{ echo '/* generated from the catalogs of scripts/lang/: do not edit */'; \
	   echo 'const char *const rm_lang_sources[][2] = {'; \
	   for f in $(LANGS); do \
	       echo "{\"$$(basename $$f .lua)\","; \
	       sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	       echo '},'; done; \
	   echo '{0, 0}};'; } > $@

$(BUILD)/obj/lang.o: $(BUILD)/lang.c
	$(CC) $(CFLAGS_STRICT) $(OPT) $(EXTRA_CFLAGS) -Wno-missing-variable-declarations -c $< -o $@

$(BUILD)/libremous.a: $(OBJS)
	ar rcs $@ $^

$(BUILD)/remous: $(BUILD)/obj/main.o $(BUILD)/libremous.a
	$(CC) $(OPT) $(EXTRA_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/tests/test_%: tests/test_%.c tests/testing.h $(BUILD)/libremous.a | $(BUILD)/tests
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -o $@ $< $(BUILD)/libremous.a $(CMOCKA_LIBS) $(LIBS)

# Allocation failures: malloc, calloc and realloc wrapped at link time.
$(BUILD)/tests/test_alloc: tests/test_alloc.c tests/testing.h $(BUILD)/libremous.a | $(BUILD)/tests
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -o $@ $< $(BUILD)/libremous.a $(CMOCKA_LIBS) $(LIBS) \
	    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

# The main example: the bookstore, baseline against its variants.
run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/remous compare scenarios/bookstore.lua --out $(BUILD)/out/bookstore --html $(BUILD)/out/bookstore/report.html
	@echo "Report: $(BUILD)/out/bookstore/report.html (open it in a browser); CSV files in $(BUILD)/out/bookstore/"

test: deps
	@scripts/install-deps.sh chromium parallel nodejs wrk curl strace
	@$(MAKE) --no-print-directory unit-tests cli-tests decision-test language-test cost-test stories-test headline-test report-test workshop-test hostile-test fragility-test sensitivity-test

unit-tests: all $(TEST_BINS)
	@failed=0; for t in $(TEST_BINS); do \
	    echo "== $$t"; (cd tests && ../$$t) || failed=1; done; exit $$failed

cli-tests: all
	@scripts/install-deps.sh parallel strace
	@REMOUS=$(BUILD)/remous BUILD=$(BUILD) tests/cli.sh
	@REMOUS=$(BUILD)/remous tests/digest_test.sh

# The suites that are one script tests/NAME_test.sh each:
#   decision     the metrics a scenario declares and the targets: exact values,
#                a paired interval by hand, verdicts on a grid whose answer is
#                known, every error line;
#   fragility    remous fragility: knock-outs worked out by hand, the ranking,
#                --at worst, the errors;
#   sensitivity  remous sensitivity: an M/M/1 tornado against the analytic
#                wait, --points, --jobs, the errors;
#   hostile      hostile inputs (tests/hostile/): each ends with its one error
#                line, no hang, no signal;
#   language     what the language's words mean, on the numbers (rates,
#                uptake, adoption) and their slips;
#   cost         what a future costs, on the numbers (paid hours x rates, tool
#                fees, value lost) and its slips;
#   headline     the headline of each variant, word for word (English and
#                French), its numbers worked out from compare.csv;
#   report       the HTML report in a real browser (Debian's chromium);
#   workshop     the workshop page: chromium (DevTools protocol, from nodejs)
#                moves a slider; curl checks downloads, bad values, the token,
#                Host and Origin, an edit; wrk loads it; 200 slow clients
#                (node) attack it on 127.0.0.1.
SUITES = decision fragility sensitivity hostile language cost headline report workshop
$(SUITES:%=%-test): %-test: all
	@REMOUS=$(BUILD)/remous tests/$*_test.sh

# Every scenario of the library: checks, compares, and its story holds on the numbers.
stories-test: all
	@REMOUS=$(BUILD)/remous tests/stories.sh

# A sweep on a single-node Slurm cluster the test brings up (slurmctld,
# slurmd, munge; installed by the test when missing) and stops.
slurm-test: deps
	@$(MAKE) --no-print-directory all
	@REMOUS=$(BUILD)/remous tests/slurm_test.sh

bench:
	@scripts/install-deps.sh time curl
	@$(MAKE) --no-print-directory all $(BUILD)/plain_mm3 $(BUILD)/plain_network
	@tests/bench/bench.sh $(BUILD) $(BENCH_ROUNDS)

# The references: plain C loops built with remous's compiler and flags.
BENCH_ROUNDS ?= 5
$(BUILD)/plain_%: tests/bench/plain_%.c | $(BUILD)/obj
	$(CC) $(CFLAGS_STRICT) $(OPT) -o $@ $< -lm

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    unit-tests cli-tests workshop-test

# Fuzzing with clang's libFuzzer: the scenario loader, the whole pipeline
# (load, then one short replication), the calendar parser, the CSV reader,
# each for FUZZ_SECONDS, from the seeds in tests/fuzz/corpus/ (for the loader
# and the pipeline: every scenario of scenarios/ and tests/scenarios/, and
# the words of tests/fuzz/scenario.dict).
FUZZ_SECONDS ?= 10
FUZZ_TARGETS = scenario pipeline calendar csv
FUZZ_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -DRM_LOAD_BUDGET=20000000 -DRM_EVENT_BUDGET=200000
# Seeds of the pipeline: the scenarios, and the hostile ones but those that
# only the load watchdog stops (one C call without end: it ends the process)
FUZZ_PIPELINE_SEEDS = $(filter-out tests/hostile/hang_find_% tests/hostile/hang_move_%,$(wildcard tests/hostile/*.lua))
fuzz:
	@scripts/install-deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT="-O1 -g" \
	    EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_FLAGS)" build/fuzz/libremous.a
	@for t in $(FUZZ_TARGETS); do \
	    clang $(CFLAGS_STRICT) -O1 -g -fsanitize=fuzzer $(FUZZ_FLAGS) -Iinclude -Iengine $$(pkg-config --cflags lua5.4) \
	        -o build/fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build/fuzz/libremous.a $(LIBS) || exit 1; \
	    mkdir -p build/fuzz/corpus-$$t; \
	    if [ $$t = scenario ]; then cp scenarios/*.lua tests/scenarios/*.lua build/fuzz/corpus-$$t/; \
	    elif [ $$t = pipeline ]; then cp scenarios/*.lua tests/scenarios/*.lua $(FUZZ_PIPELINE_SEEDS) build/fuzz/corpus-$$t/; \
	    else cp tests/fuzz/corpus/$$t/* build/fuzz/corpus-$$t/; fi; \
	    echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	    dict=; case $$t in scenario|pipeline) dict=-dict=tests/fuzz/scenario.dict ;; esac; \
	    build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=20 -close_fd_mask=1 -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/ $$dict build/fuzz/corpus-$$t > build/fuzz/$$t.log 2>&1; rc=$$?; \
	    grep -E "^Done|stat::number_of_executed_units" build/fuzz/$$t.log; \
	    if [ $$rc -ne 0 ]; then tail -40 build/fuzz/$$t.log; echo "fuzz: $$t found a crash (input saved above)"; exit 1; fi; \
	done

clean:
	rm -rf build
