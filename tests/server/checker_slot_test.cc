#include "server/checker_slot.h"

#include <memory>
#include <thread>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

std::shared_ptr<const Checker> MakeChecker() {
  auto catalog = EventCatalog::Build({});
  EXPECT_TRUE(catalog.ok());
  return std::make_shared<const Checker>(*catalog);
}

TEST(CheckerSlotTest, IsEmptyBeforeTheFirstPublish) {
  CheckerSlot slot;
  EXPECT_EQ(slot.Get(), nullptr);
}

TEST(CheckerSlotTest, GetReturnsTheNewestPublishedChecker) {
  CheckerSlot slot;
  const auto first = MakeChecker();
  slot.Publish(first);
  EXPECT_EQ(slot.Get(), first);
  EXPECT_EQ(slot.Get(), first);  // Served from the thread's cache.
  const auto second = MakeChecker();
  slot.Publish(second);
  EXPECT_EQ(slot.Get(), second);
}

TEST(CheckerSlotTest, OtherThreadsSeeThePublishedChecker) {
  CheckerSlot slot;
  const auto first = MakeChecker();
  slot.Publish(first);
  std::shared_ptr<const Checker> seen;
  std::thread([&] { seen = slot.Get(); }).join();
  EXPECT_EQ(seen, first);
  const auto second = MakeChecker();
  slot.Publish(second);
  std::thread([&] { seen = slot.Get(); }).join();
  EXPECT_EQ(seen, second);
}

TEST(CheckerSlotTest, SlotsDoNotShareTheThreadsCache) {
  CheckerSlot a, b;
  const auto for_a = MakeChecker(), for_b = MakeChecker();
  a.Publish(for_a);
  b.Publish(for_b);
  EXPECT_EQ(a.Get(), for_a);
  EXPECT_EQ(b.Get(), for_b);
  EXPECT_EQ(a.Get(), for_a);
}

TEST(CheckerSlotTest, AReaderKeepsItsCheckerAliveAfterAReplacement) {
  CheckerSlot slot;
  slot.Publish(MakeChecker());
  const std::shared_ptr<const Checker> held = slot.Get();
  slot.Publish(MakeChecker());
  std::thread([&] { slot.Get(); }).join();
  EXPECT_NE(held, nullptr);
  EXPECT_EQ(held->catalog().events().size(), 0u);
}

}  // namespace
}  // namespace factcheck
