# Install rules and the Debian package (CPack DEB). Included from the top CMakeLists.txt when
# the app is built. `cpack --config build/CPackConfig.cmake` (or deploy/package.sh) writes
# triad_<version>_amd64.deb. Everything lands under /usr; the clinic's data never does (it
# lives in each user's home, see docs/DEPLOY.md), so removing the package cannot touch it.
include(GNUInstallDirs)

set(triad_pkg ${CMAKE_CURRENT_LIST_DIR})
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(triad_app_id org.triadapp.Triad)

install(TARGETS triad triad-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The app looks for <bin>/../share/triad/questionnaires (InstrumentLibrary::defaultFolders).
# Installed recursively, so sub-folders (e.g. archive/) come along.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/questionnaires/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/triad/questionnaires
  FILES_MATCHING PATTERN "*.json")
# Translations (.qm) are compiled into the binary at :/i18n (src/CMakeLists.txt): no files.

install(FILES ${triad_pkg}/${triad_app_id}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${triad_pkg}/${triad_app_id}.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${triad_pkg}/${triad_app_id}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Kiosk set-up files; the clinic runs setup-kiosk.sh on a dedicated tablet (docs/DEPLOY.md).
install(FILES
  ${PROJECT_SOURCE_DIR}/deploy/kiosk/triad-kiosk.service
  ${PROJECT_SOURCE_DIR}/deploy/kiosk/triad-kiosk.pam
  ${PROJECT_SOURCE_DIR}/deploy/kiosk/triad-kiosk.sysusers
  DESTINATION ${CMAKE_INSTALL_DATADIR}/triad/kiosk)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/deploy/kiosk/setup-kiosk.sh
  DESTINATION ${CMAKE_INSTALL_DATADIR}/triad/kiosk)

# Man pages and Debian docs, compressed the way Debian policy wants (gzip -9n).
set(triad_gz_dir ${CMAKE_BINARY_DIR}/package)
set(triad_gz_files)
set(triad_gz_sources
  man/triad.1=${triad_pkg}/triad.1
  man/triad-cli.1=${triad_pkg}/triad-cli.1
  doc/changelog=${triad_pkg}/changelog
  doc/DEPLOY.md=${PROJECT_SOURCE_DIR}/docs/DEPLOY.md
  doc/QUESTIONNAIRES.md=${PROJECT_SOURCE_DIR}/questionnaires/README.md)
foreach(pair ${triad_gz_sources})
  string(REPLACE "=" ";" pair ${pair})
  list(GET pair 0 target)
  list(GET pair 1 input)
  get_filename_component(kind ${target} DIRECTORY)
  set(output ${triad_gz_dir}/${target}.gz)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${triad_gz_dir}/${kind}
    COMMAND gzip -9nc ${input} > ${output}
    DEPENDS ${input} VERBATIM)
  list(APPEND triad_gz_files ${output})
endforeach()
add_custom_target(triad_package_docs ALL DEPENDS ${triad_gz_files})
install(FILES ${triad_gz_dir}/man/triad.1.gz ${triad_gz_dir}/man/triad-cli.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${triad_gz_dir}/doc/changelog.gz ${triad_gz_dir}/doc/DEPLOY.md.gz
  ${triad_gz_dir}/doc/QUESTIONNAIRES.md.gz ${triad_pkg}/copyright
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/triad)

# --- Debian package ------------------------------------------------------------------------
# cpack packs what deploy/package.sh built; it does not build the tests too ("all").
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME triad)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_PACKAGE_CONTACT "Triad developers <triad@triadapp.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "therapeutic alliance questionnaires for paediatric physiotherapy")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "At the end of a physiotherapy session the child, their parent and the\n\
physiotherapist each fill a short questionnaire on the clinic tablet. Triad\n\
scores the answers, stores them encrypted on the device, charts the alliance\n\
over the episode of care and flags ruptures and disagreements early.\n\
.\n\
This package holds the tablet app (triad), the administrators' command line\n\
(triad-cli), the questionnaires and the files to run a dedicated kiosk tablet.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://triadapp.org")
# Libraries the binaries link (Qt, OpenSSL, SQLite's Qt driver's libs...) via dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: the QML modules the screens import, the SQLite driver Qt
# loads as a plugin, the Wayland platform plugin (for the kiosk) and the text-to-speech engine. Keep in
# step with the qml6-module-* lines of deploy/setup.sh.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, \
qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtquick-shapes, \
qml6-module-qtquick-dialogs, qml6-module-qtcore, \
qml6-module-qttexttospeech, libqt6sql6-sqlite, qt6-wayland, \
qt6-speech-flite-plugin, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage")
include(CPack)

# --- Tests ---------------------------------------------------------------------------------
# The kiosk unit: systemd-analyze verify and its security exposure (skipped without systemd).
add_test(NAME kiosk_unit COMMAND bash ${PROJECT_SOURCE_DIR}/deploy/kiosk/check-kiosk.sh)
set_tests_properties(kiosk_unit PROPERTIES SKIP_RETURN_CODE 77 LABELS package)
# The metainfo, desktop entry and man pages, without building the package.
add_test(NAME package_metadata COMMAND bash ${PROJECT_SOURCE_DIR}/deploy/package/check-metadata.sh)
set_tests_properties(package_metadata PROPERTIES LABELS package)
# The package installed into a clean Debian 12 root (skipped, exit 77, without root or
# debootstrap); slow the first time (debootstrap), cached afterwards. deploy/package-test.sh.
add_test(NAME package_install COMMAND bash ${PROJECT_SOURCE_DIR}/deploy/package-test.sh)
set_tests_properties(package_install PROPERTIES
  ENVIRONMENT "TRIAD_BUILD_DIR=${CMAKE_BINARY_DIR}"
  SKIP_RETURN_CODE 77 TIMEOUT 1800 LABELS package RUN_SERIAL ON)
