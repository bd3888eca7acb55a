package io.attune.bench;

/** Microseconds of CPU per unit of work (an ingested event, a re-scored lead): the whole process's and the writer thread's. */
public record CpuCost(double processMicros, double writerMicros) {
}
