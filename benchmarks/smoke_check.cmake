# ctest's benchmark_smoke: every benchmark once on smoke sizes, then the CSV and JSON it wrote
# must exist, start with the agreed header and hold a row per benchmark kind.
#   cmake -DEXE=<aerepro_benchmarks> -DOUT=<folder> -P smoke_check.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${EXE} --aerepro_profile=smoke --aerepro_device=all
                        --aerepro_csv=${OUT}/benchmarks.csv --benchmark_min_time=0.01
                        --benchmark_out=${OUT}/benchmarks.json --benchmark_out_format=json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "aerepro_benchmarks exited with ${rc}")
endif()
if(NOT EXISTS ${OUT}/benchmarks.csv OR NOT EXISTS ${OUT}/benchmarks.json)
  message(FATAL_ERROR "benchmarks.csv or benchmarks.json was not written in ${OUT}")
endif()
file(STRINGS ${OUT}/benchmarks.csv lines)
list(GET lines 0 header)
set(expected "benchmark,model,kind,device,implementation,batch_size,milliseconds,images_per_second,gflop_per_second,percent_of_peak,threads,torch_version,git_revision")
if(NOT header STREQUAL expected)
  message(FATAL_ERROR "benchmarks.csv header is\n  ${header}\nexpected\n  ${expected}")
endif()
foreach(kind train_step inference epoch pca kmeans load sgemm)
  set(kind_rows ${lines})
  list(FILTER kind_rows INCLUDE REGEX "^[^,]*,[^,]*,${kind},cpu,cpp,")
  list(LENGTH kind_rows n)
  if(n EQUAL 0)
    message(FATAL_ERROR "benchmarks.csv has no ${kind} row")
  endif()
endforeach()
message(STATUS "benchmarks.csv: header and every kind present")
