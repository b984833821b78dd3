# cmake -DTEST_BINARY=<doctest executable> -P case_names_are_whole.cmake
#
# Fails when a test case's name holds a semicolon. CMake reads a name as a
# list and splits it there: doctest_discover_tests then registers each part
# as a test of its own, and each part runs no test case at all and passes.
# Sixteen test cases never ran under CTest that way until this check.
execute_process(COMMAND "${TEST_BINARY}" --list-test-cases --no-version
                RESULT_VARIABLE status OUTPUT_VARIABLE listed ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${TEST_BINARY} --list-test-cases exited with ${status}: ${errors}")
endif()
# Marked first, so that no list operation below splits a name.
string(REPLACE ";" "<semicolon>" marked "${listed}")
string(REGEX MATCHALL "[^\n]*<semicolon>[^\n]*" split_names "${marked}")
if(split_names)
  list(JOIN split_names "\n  " shown)
  message(FATAL_ERROR "${TEST_BINARY}: test case names with a semicolon, which CTest splits into "
                      "tests that run nothing:\n  ${shown}")
endif()
