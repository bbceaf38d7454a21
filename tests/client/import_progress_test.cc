#include "client/import_progress.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

TEST(FormatBytesTest, UsesBinaryUnitsWithOneDecimal) {
  EXPECT_EQ(FormatBytes(0), "0 B");
  EXPECT_EQ(FormatBytes(1023), "1023 B");
  EXPECT_EQ(FormatBytes(1536), "1.5 KiB");
  EXPECT_EQ(FormatBytes(int64_t{3} << 30), "3.0 GiB");
}

TEST(FormatImportStatusTest, ShowsSizeShareRatesEtaAndFormat) {
  ImportStatus status;
  status.bytes_sent = int64_t{30} << 20;
  status.total_bytes = int64_t{100} << 20;
  status.server.set_bytes_received(int64_t{25} << 20);
  status.server.set_events(50000);
  status.server.set_format("wikidata.gz");
  status.elapsed = absl::Seconds(10);
  // 25 of 100 MiB processed in 10 s: 75 MiB left at 2.5 MiB/s.
  EXPECT_EQ(FormatImportStatus(status),
            "30.0 MiB of 100.0 MiB (25%)  50000 events  5000 events/s  "
            "2.5 MiB/s  ETA 0:30  [wikidata.gz]");
}

TEST(FormatImportStatusTest, WithoutASizeShowsNoShareOrEta) {
  ImportStatus status;
  status.bytes_sent = 2048;
  status.elapsed = absl::Seconds(2);
  EXPECT_EQ(FormatImportStatus(status),
            "2.0 KiB  0 events  0 events/s  1.0 KiB/s");
}

}  // namespace
}  // namespace factcheck::client
