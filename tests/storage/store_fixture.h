// What the storage tests share: a Store over a fresh temporary directory,
// and a way to write to that directory behind the Store's back.
#ifndef FACTCHECK_TESTS_STORAGE_STORE_FIXTURE_H_
#define FACTCHECK_TESTS_STORAGE_STORE_FIXTURE_H_

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "storage/store.h"
#include "tests/support/temp_dir.h"

namespace factcheck {

// Opens the directory with RocksDB directly, as a newer or damaged build,
// or a crash, would have left it, and writes `value` under `key` in the
// default column family.
void WriteRawMeta(const std::string& dir, const std::string& key,
                  const std::string& value);

// A Store opened over its own temporary directory, removed after the test.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void TearDown() override { store_.reset(); }

  // Closes the store (if open) and opens the directory again.
  void Reopen() {
    store_.reset();
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  testing::TempDir temp_;
  const std::string dir_ = temp_.File("db");
  std::unique_ptr<Store> store_;
};

}  // namespace factcheck

#endif  // FACTCHECK_TESTS_STORAGE_STORE_FIXTURE_H_
