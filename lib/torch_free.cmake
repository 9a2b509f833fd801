# The parts of the library that need no LibTorch: the results files' readers and writers
# (aerepro_io) and the IDX format checks (aerepro_idx_format). Included by lib/CMakeLists.txt
# and, on its own, by the `fuzz` preset (which builds nothing that needs LibTorch).
set(AEREPRO_IO_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/common/atomic_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/csv_fields.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/result_row.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/results_csv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/artifacts_csv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/bench_csv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/claim_files.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/readings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results/record_figures.cpp)
add_library(aerepro_io STATIC ${AEREPRO_IO_SOURCES})
target_include_directories(aerepro_io PUBLIC ${CMAKE_CURRENT_LIST_DIR} ${FCCP_INCLUDE_DIR})
target_link_libraries(aerepro_io PUBLIC fmt::fmt)
target_compile_options(aerepro_io PRIVATE -Wall -Wextra)

set(AEREPRO_IDX_FORMAT_SOURCES ${CMAKE_CURRENT_LIST_DIR}/data/idx_format.cpp)
add_library(aerepro_idx_format STATIC ${AEREPRO_IDX_FORMAT_SOURCES})
target_include_directories(aerepro_idx_format PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(aerepro_idx_format PUBLIC Boost::iostreams)
target_compile_options(aerepro_idx_format PRIVATE -Wall -Wextra)
