// lib/data: IDX reading (good and hostile files), checksums, the MNIST loaders and the splits.
#include "common/error.h"
#include "data/checksum.h"
#include "data/datasets.h"
#include "data/idx.h"
#include "data/splits.h"
#include "test_files.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::data {
namespace {

using aerepro::testing::gzip;
using aerepro::testing::idx_images_bytes;
using aerepro::testing::idx_labels_bytes;
using aerepro::testing::TempDir;
using aerepro::testing::write_file;
using ::testing::AllOf;
using ::testing::HasSubstr;

template <typename Call>
void expect_data_error(Call call, const std::vector<std::string>& fragments) {
  aerepro::testing::expect_error<DataError>(call, fragments);
}

// Every IdxReader test writes its IDX files into a temporary folder of its own (`dir`).
class IdxReader : public aerepro::testing::InTempDir {};

TEST_F(IdxReader, ReadsPlainImagesIntoUnitRange) {
  write_file(dir / "img", idx_images_bytes(3));
  const auto images = read_idx_images(dir / "img");
  EXPECT_EQ(images.sizes(), (std::vector<int64_t>{3, 1, 28, 28}));
  EXPECT_TRUE(images.is_contiguous());
  EXPECT_EQ(images.scalar_type(), torch::kFloat32);
  EXPECT_FLOAT_EQ(images.flatten()[255].item<float>(), 1.0f);  // pixel byte 255
  EXPECT_FLOAT_EQ(images.flatten()[256].item<float>(), 0.0f);  // pixel byte 0
  EXPECT_FLOAT_EQ(images.flatten()[51].item<float>(), 0.2f);   // 51 / 255
}

TEST_F(IdxReader, ReadsGzipLikePlain) {
  write_file(dir / "plain", idx_images_bytes(2));
  write_file(dir / "zipped.gz", gzip(idx_images_bytes(2)));
  EXPECT_TRUE(torch::equal(read_idx_images(dir / "plain"), read_idx_images(dir / "zipped.gz")));
  write_file(dir / "labels.gz", gzip(idx_labels_bytes({3, 1, 4})));
  EXPECT_TRUE(
      torch::equal(read_idx_labels(dir / "labels.gz"), torch::tensor({3, 1, 4}, torch::kInt64)));
}

TEST_F(IdxReader, MissingFileNamesTheFile) {
  expect_data_error([&] { read_idx_images(dir / "nowhere"); }, {"nowhere", "cannot open"});
}

TEST_F(IdxReader, TruncatedHeaderIsAnError) {
  auto bytes = idx_images_bytes(1);
  bytes.resize(10);
  write_file(dir / "short", bytes);
  expect_data_error([&] { read_idx_images(dir / "short"); }, {"short", "truncated", "header"});
}

TEST_F(IdxReader, TruncatedPayloadIsAnError) {
  auto bytes = idx_images_bytes(2);
  bytes.pop_back();
  write_file(dir / "cut", bytes);
  expect_data_error([&] { read_idx_images(dir / "cut"); }, {"cut", "truncated", "1568"});
}

TEST_F(IdxReader, TrailingBytesAreAnError) {
  auto bytes = idx_labels_bytes({1, 2});
  bytes.push_back(7);
  write_file(dir / "long", bytes);
  expect_data_error([&] { read_idx_labels(dir / "long"); }, {"long", "1 unexpected bytes"});
}

TEST_F(IdxReader, WrongMagicNumberIsAnError) {
  write_file(dir / "labels-as-images", idx_labels_bytes({1, 2}));
  expect_data_error([&] { read_idx_images(dir / "labels-as-images"); },
                    {"labels-as-images", "wrong magic number 0x00000801", "0x00000803"});
  write_file(dir / "bad", idx_images_bytes(1, 28, 28, 0xdeadbeef));
  expect_data_error([&] { read_idx_images(dir / "bad"); }, {"0xdeadbeef"});
}

TEST_F(IdxReader, WrongImageSizeIsAnError) {
  write_file(dir / "small", idx_images_bytes(2, 16, 16));
  expect_data_error([&] { read_idx_images(dir / "small"); }, {"small", "16x16", "expected 28x28"});
}

TEST_F(IdxReader, LabelOutOfRangeIsAnError) {
  write_file(dir / "labels", idx_labels_bytes({1, 9, 10, 2}));
  expect_data_error([&] { read_idx_labels(dir / "labels"); }, {"labels", "label 10 at index 2"});
}

TEST_F(IdxReader, CorruptGzipIsAnError) {
  auto bytes = gzip(idx_images_bytes(4));
  for (size_t i = 20; i < bytes.size() && i < 60; ++i) bytes[i] ^= 0x5a;
  write_file(dir / "broken.gz", bytes);
  expect_data_error([&] { read_idx_images(dir / "broken.gz"); }, {"broken.gz", "corrupt gzip"});
  auto cut = gzip(idx_images_bytes(4));
  cut.resize(cut.size() / 2);
  write_file(dir / "cut.gz", cut);
  expect_data_error([&] { read_idx_images(dir / "cut.gz"); }, {"cut.gz"});
}

TEST_F(IdxReader, EmptyFileIsAnError) {
  write_file(dir / "empty", {});
  expect_data_error([&] { read_idx_labels(dir / "empty"); },
                    {"empty", "truncated", "no IDX header"});
}

TEST(IdxPair, CountMismatchNamesBothFiles) {
  TempDir dir;
  write_file(dir / "img", idx_images_bytes(3));
  write_file(dir / "lab", idx_labels_bytes({1, 2}));
  expect_data_error([&] { load_idx_pair(dir / "img", dir / "lab"); },
                    {"img", "3 images", "lab", "2 labels"});
}

TEST(Checksum, Sha256OfKnownString) {
  EXPECT_EQ(sha256_string("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Checksum, TensorDigestFollowsContentShapeAndType) {
  const auto a = torch::arange(12, torch::kFloat32);
  EXPECT_EQ(sha256_tensor(a), sha256_tensor(a.clone()));
  EXPECT_EQ(sha256_tensor(a.view({3, 4}).t().contiguous().t()), sha256_tensor(a.view({3, 4})));
  EXPECT_NE(sha256_tensor(a), sha256_tensor(a.view({3, 4})));
  EXPECT_NE(sha256_tensor(a), sha256_tensor(a.to(torch::kFloat64)));
  auto b = a.clone();
  b[5] = 100.0f;
  EXPECT_NE(sha256_tensor(a), sha256_tensor(b));
}

TEST(Checksum, MismatchIsAClearError) {
  TempDir dir;
  std::filesystem::create_directories(dir / "mnist");
  write_file(dir / "mnist/file", {1, 2, 3});
  std::ofstream(dir / "SUMS") << std::string(64, '0') << "  mnist/file\n";
  expect_data_error([&] { verify_checksum(dir.path(), "mnist/file", dir / "SUMS"); },
                    {"mnist/file", "SHA-256 mismatch", "datasets/fetch"});
  std::ofstream(dir / "BAD") << "not a checksum line\n";
  expect_data_error([&] { verify_checksum(dir.path(), "mnist/file", dir / "BAD"); },
                    {"BAD:1", "sha256sum"});
}

TEST(Mnist, TestSplitHasTheKnownCountsRangeAndLabelHistogram) {
  const auto test = load_mnist(Split::test);
  ASSERT_EQ(test.size(), 10000);
  EXPECT_EQ(test.images.sizes(), (std::vector<int64_t>{10000, 1, 28, 28}));
  EXPECT_TRUE(test.images.is_contiguous());
  EXPECT_GE(test.images.min().item<float>(), 0.0f);
  EXPECT_LE(test.images.max().item<float>(), 1.0f);
  EXPECT_FLOAT_EQ(test.images.max().item<float>(), 1.0f);
  const auto histogram = torch::bincount(test.labels, {}, 10);
  const std::vector<int64_t> expected{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
  EXPECT_TRUE(torch::equal(histogram, torch::tensor(expected, torch::kInt64))) << histogram;
  EXPECT_NE(test.checksum, "unverified");
}

TEST(Mnist, TrainSplitHas60000) {
  const auto train = load_mnist(Split::train);
  EXPECT_EQ(train.size(), 60000);
  EXPECT_EQ(train.labels.size(0), 60000);
}

TEST(FashionMnist, LoadsFromGzip) {
  const auto test = load_fashion_mnist(Split::test);
  EXPECT_EQ(test.size(), 10000);
  EXPECT_TRUE(
      torch::equal(torch::bincount(test.labels, {}, 10), torch::full({10}, 1000, torch::kInt64)));
}

TEST(Mnist, DataRootFromOptionsIsUsedAndMissingFilesAreNamed) {
  TempDir dir;
  DatasetOptions options;
  options.root = dir.path();
  expect_data_error([&] { load_mnist(Split::test, options); },
                    {(dir.path() / "mnist/t10k-images-idx3-ubyte").string(), "missing"});
}

TEST(Splits, S01RandomSplitIsSeededDisjointAndComplete) {
  LabeledImages data{torch::arange(100, torch::kFloat32).view({100, 1, 1, 1}),
                     torch::arange(100, torch::kInt64), "x"};
  const auto a = random_split(data, 80, 7);
  const auto b = random_split(data, 80, 7);
  const auto c = random_split(data, 80, 8);
  EXPECT_EQ(a.train.size(), 80);
  EXPECT_EQ(a.validation.size(), 20);
  EXPECT_TRUE(torch::equal(a.train.labels, b.train.labels));
  EXPECT_FALSE(torch::equal(a.train.labels, c.train.labels));
  auto all = std::get<0>(torch::sort(torch::cat({a.train.labels, a.validation.labels})));
  EXPECT_TRUE(torch::equal(all, torch::arange(100, torch::kInt64)));
}

TEST(Splits, S31HeadTailSplit) {
  LabeledImages data{torch::zeros({10, 1, 2, 2}), torch::arange(10, torch::kInt64), "x"};
  const auto split = head_tail_split(data, 7);
  EXPECT_EQ(split.train.labels[6].item<int64_t>(), 6);
  EXPECT_EQ(split.validation.labels[0].item<int64_t>(), 7);
  EXPECT_EQ(split.validation.size(), 3);
}

TEST(Splits, S41ClassFilterAndFourfoldAugmentation) {
  LabeledImages data{torch::rand({6, 1, 28, 28}), torch::tensor({0, 1, 3, 4, 9, 5}, torch::kInt64),
                     "x"};
  const auto kept = filter_classes(data, {1, 3, 5, 7, 9});
  EXPECT_TRUE(torch::equal(kept.labels, torch::tensor({1, 3, 9, 5}, torch::kInt64)));
  const auto augmented = augment_flip_and_uniform_noise(kept, 3);
  ASSERT_EQ(augmented.size(), 16);
  EXPECT_TRUE(torch::equal(augmented.images.narrow(0, 0, 4), kept.images));
  EXPECT_TRUE(torch::equal(augmented.images.narrow(0, 4, 4), kept.images.flip({3})));
  const auto noise = augmented.images.narrow(0, 8, 4) - kept.images;
  EXPECT_GE(noise.min().item<float>(), 0.0f);
  EXPECT_LT(noise.max().item<float>(), 1.0f + 1e-6f);
  EXPECT_GT(noise.std().item<float>(), 0.2f);  // U[0,1) has std 0.289
  EXPECT_TRUE(torch::equal(augmented.labels, kept.labels.repeat({4})));
}

}  // namespace
}  // namespace aerepro::data
