# Only carried dependencies (ci/nightly-gpu with the carry folder of ci/pack-gpu; README, "the
# nightly run"): with AEREPRO_DEPS_ROOT set to an unpacked tree (ROOT/usr/include, ROOT/usr/lib/
# x86_64-linux-gnu, ...), every dependency but LibTorch is looked for there and nowhere else.
# Included right after find_package(Torch), which still searches the usual places (on a GPU
# machine PyTorch's LibTorch, on Debian its libtorch-dev in /usr). ci/check-carried-deps proves
# what a build then reads.
set(AEREPRO_DEPS_ROOT "" CACHE PATH "Unpacked dependencies to use instead of the system's (ci/pack-gpu)")
if(AEREPRO_DEPS_ROOT)
  if(NOT EXISTS "${AEREPRO_DEPS_ROOT}/usr/include")
    message(FATAL_ERROR "AEREPRO_DEPS_ROOT=${AEREPRO_DEPS_ROOT} holds no usr/include (ci/pack-gpu)")
  endif()
  # No system, environment, registry or <Package>_ROOT search: CMAKE_PREFIX_PATH, now only the
  # carried tree, is all find_package, find_path and find_library look through.
  set(CMAKE_FIND_USE_CMAKE_SYSTEM_PATH OFF)
  set(CMAKE_FIND_USE_SYSTEM_ENVIRONMENT_PATH OFF)
  set(CMAKE_FIND_USE_CMAKE_ENVIRONMENT_PATH OFF)
  set(CMAKE_FIND_USE_PACKAGE_REGISTRY OFF)
  set(CMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY OFF)
  set(CMAKE_FIND_USE_PACKAGE_ROOT_PATH OFF)
  set(CMAKE_PREFIX_PATH "${AEREPRO_DEPS_ROOT}/usr")
  set(CMAKE_INCLUDE_PATH "")
  set(CMAKE_LIBRARY_PATH "")
  # Even where a module passes system folders as HINTS (FindOpenSSL from pkg-config, say):
  set(CMAKE_IGNORE_PREFIX_PATH /usr /usr/local /opt/local)
  set(CMAKE_IGNORE_PATH /usr/include /usr/local/include /usr/lib /usr/lib64 /usr/local/lib
      /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu /lib /lib64)
  set(PKG_CONFIG_EXECUTABLE "" CACHE FILEPATH "no pkg-config: only carried dependencies" FORCE)
  # The tree is Debian's layout; CMake searches ROOT/usr/lib/<arch> only where it knows <arch>.
  if(NOT CMAKE_LIBRARY_ARCHITECTURE)
    set(CMAKE_LIBRARY_ARCHITECTURE x86_64-linux-gnu)
  endif()
  set(Boost_NO_SYSTEM_PATHS ON)
  set(AEREPRO_GTEST_SOURCE "${AEREPRO_DEPS_ROOT}/usr/src/googletest" CACHE PATH
      "GoogleTest sources, when not installed")
  message(STATUS "Only carried dependencies (LibTorch aside): ${AEREPRO_DEPS_ROOT}")
endif()
