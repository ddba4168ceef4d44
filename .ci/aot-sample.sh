#!/usr/bin/env bash
# The sample with Spring AOT on the JVM (docs/aot.md): process it ahead of time as a native
# image build would, run the demo plainly and with -Dspring.aot.enabled=true, and require both runs to exit 0
# and print the same demo output. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

work=coreclaw-samples/target/aot-check
rm -rf "$work"
# Against the embedded simulator, whatever this shell's environment says (processing runs the main method too).
unset CORECLAW_API_KEY CORECLAW_TASK_ID

mkdir -p "$work"
if ! ./mvnw -B -q -pl coreclaw-samples -am compile spring-boot:process-aot dependency:build-classpath \
	-Dmdep.outputFile=target/aot-check/classpath.txt -Dmdep.includeScope=runtime >"$work/process-aot.log" 2>&1; then
	cat "$work/process-aot.log"
	echo "Processing the sample ahead of time failed, see above" >&2
	exit 1
fi

classpath="coreclaw-samples/target/classes:$(cat "$work/classpath.txt")"
run_demo() {
	local name=$1
	shift
	if ! java -Xmx256m "$@" -cp "$classpath" io.github.coreclaw.samples.SampleApplication >"$work/$name.log" 2>&1; then
		cat "$work/$name.log"
		echo "The sample failed ($name run), see above" >&2
		exit 1
	fi
	# What the demo prints: every line but the log lines, with the run slugs, new each run, masked.
	grep -Ev '^([0-9]{4}-[0-9]{2}-[0-9]{2}T|[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} )' "$work/$name.log" \
		| sed -E 's/01SIM[A-Z0-9]{21}/<run>/g' >"$work/$name.out"
}
run_demo jvm
run_demo aot -Dspring.aot.enabled=true

if ! grep -q 'Starting AOT-processed SampleApplication' "$work/aot.log"; then
	cat "$work/aot.log"
	echo "The AOT run did not use the AOT-processed context" >&2
	exit 1
fi
if ! grep -q '^Started run <run> of worker task ' "$work/jvm.out"; then
	cat "$work/jvm.log"
	echo "The demo printed no run" >&2
	exit 1
fi
if ! diff -u "$work/jvm.out" "$work/aot.out"; then
	echo "The sample printed something else with AOT than without (diff above)" >&2
	exit 1
fi
# The hints of the starter and of the test kit reach the metadata a native image would be built with.
metadata=coreclaw-samples/target/classes/META-INF/native-image/io.github.coreclaw/coreclaw-samples/reachability-metadata.json
# (JSON may write / as \/.)
for expected in '"io\.github\.coreclaw\.spring\.client\.internal\.Envelope"' '"coreclaw-simulator\\?/\*\*"'; do
	if ! grep -qE "$expected" "$metadata"; then
		echo "$metadata lacks $expected" >&2
		exit 1
	fi
done
echo "AOT check of the sample: same demo output with -Dspring.aot.enabled=true as without, both exit 0"
