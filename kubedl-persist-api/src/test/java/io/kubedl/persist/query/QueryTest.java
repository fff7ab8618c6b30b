package io.kubedl.persist.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTest {

    @Test
    void q3_defaultPageSizeIsFifty() {
        assertThat(JobQuery.builder().build().pageSize()).isEqualTo(50);
        assertThat(PodQuery.builder().build().pageSize()).isEqualTo(PageSize.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
    void q3_pageSizeOutsideOneToThousandIsRefused(int size) {
        assertThatThrownBy(() -> JobQuery.builder().pageSize(size).build())
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("pageSize: must be between 1 and 1000, was " + size);
        assertThatThrownBy(() -> PodQuery.builder().pageSize(size).build()).hasMessageContaining("pageSize");
    }

    @Test
    void q3_pageSizeLimitsAreInclusive() {
        assertThat(JobQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
        assertThat(JobQuery.builder().pageSize(1000).build().pageSize()).isEqualTo(1000);
    }

    @Test
    void q3_fingerprintIgnoresPageSizeAndToken() {
        JobQuery a = JobQuery.builder().namespace("ns").statuses(JobStatus.FAILED).build();
        JobQuery b = a.toBuilder().pageSize(7).pageToken("abc").build();
        assertThat(b.filterFingerprint()).isEqualTo(a.filterFingerprint());
    }

    @Test
    void q3_fingerprintDiffersForEveryFilter() {
        JobQuery base = JobQuery.builder().build();
        List<JobQuery> others = List.of(
                base.toBuilder().namespace("a").build(), base.toBuilder().name("a").build(),
                base.toBuilder().nameContains("a").build(), base.toBuilder().kind("a").build(),
                base.toBuilder().statuses(JobStatus.RUNNING).build(), base.toBuilder().region("a").build(),
                base.toBuilder().tenant("a").build(), base.toBuilder().owner("a").build(),
                base.toBuilder().jobId("a").build(), base.toBuilder().inEtcd(true).build(),
                base.toBuilder().inEtcd(false).build(),
                base.toBuilder().createdFrom(Instant.EPOCH).build(), base.toBuilder().createdTo(Instant.EPOCH).build());
        assertThat(others).extracting(JobQuery::filterFingerprint)
                .doesNotHaveDuplicates()
                .doesNotContain(base.filterFingerprint());
    }

    @Test
    void q3_fingerprintDoesNotConfuseShiftedValues() {
        // "a" as namespace and "" as name must differ from "" as namespace and "a" as name
        JobQuery x = JobQuery.builder().namespace("ab").name("c").build();
        JobQuery y = JobQuery.builder().namespace("a").name("bc").build();
        assertThat(x.filterFingerprint()).isNotEqualTo(y.filterFingerprint());
    }

    @Test
    void q3_statusOrderDoesNotChangeTheFingerprint() {
        JobQuery a = JobQuery.builder().statuses(JobStatus.FAILED, JobStatus.SUCCEEDED).build();
        JobQuery b = JobQuery.builder().statuses(JobStatus.SUCCEEDED, JobStatus.FAILED).build();
        assertThat(a.filterFingerprint()).isEqualTo(b.filterFingerprint());
    }

    @Test
    void q2_createdRangeMustBeNonEmpty() {
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        assertThatThrownBy(() -> JobQuery.builder().createdFrom(t).createdTo(t).build())
                .hasMessageStartingWith("createdFrom: must be before createdTo");
    }

    @Test
    void q6_emptyNameContainsIsRefused() {
        assertThatThrownBy(() -> JobQuery.builder().nameContains("").build()).hasMessageStartingWith("nameContains:");
    }

    @Test
    void nextPageKeepsTheFilters() {
        PodQuery q = PodQuery.builder().jobId("j").statuses(PodStatus.RUNNING).pageSize(3).build();
        PodQuery next = q.nextPage("tok");
        assertThat(next.pageToken()).contains("tok");
        assertThat(next.pageSize()).isEqualTo(3);
        assertThat(next.filterFingerprint()).isEqualTo(q.filterFingerprint());
        assertThat(PodQuery.ofJob("j").jobId()).contains("j");
    }

    @Test
    void jobAndPodFingerprintsNeverCollide() {
        assertThat(JobQuery.builder().build().filterFingerprint()).isNotEqualTo(PodQuery.builder().build().filterFingerprint());
    }

    @Test
    void toStringDoesNotLeakTheToken() {
        assertThat(JobQuery.builder().pageToken("secret-token").build().toString()).doesNotContain("secret-token");
    }

    @Test
    void pageCopiesItsItems() {
        java.util.ArrayList<String> items = new java.util.ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, null);
        items.add("b");
        assertThat(page.items()).containsExactly("a");
        assertThat(page.hasNext()).isFalse();
        assertThat(new Page<>(List.of(), "t").next()).contains("t");
    }
}
