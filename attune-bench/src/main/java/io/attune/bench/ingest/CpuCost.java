package io.attune.bench.ingest;

/** Microseconds of CPU per ingested event: the whole process's and the writer thread's. */
record CpuCost(double processMicros, double writerMicros) {
}
